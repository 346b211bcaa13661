import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

@Suite struct UsageTests {
    @Test(arguments: [
        (["scalars"], "missing <logdir>", "eventdump scalars <logdir> [options]", "scalars"),
        (
            ["scalars", "x", "--format", "yaml"],
            "unknown format 'yaml' (values: text, csv, tsv, json, jsonl, markdown)",
            "eventdump scalars <logdir> [options]", "scalars"
        ),
        (["summary", "x", "--bogus"], "unknown option '--bogus'", "eventdump summary <logdir> [options]", "summary"),
        (
            ["scalars", "x", "--steps", "5:1"],
            "--steps takes A:B with integers A <= B (either may be left out). Received: 5:1",
            "eventdump scalars <logdir> [options]", "scalars"
        ),
        (
            ["plot", "x"], "missing --tag <regex> (the scalars to draw)",
            "eventdump plot <logdir> --tag <regex> [options]", "plot"
        ),
        (
            ["plot", "x", "--tag", "loss", "--format", "csv"],
            "plot draws a chart and takes no --format (use --output <file>.svg or <file>.png)",
            "eventdump plot <logdir> --tag <regex> [options]", "plot"
        ),
        (
            ["plot", "x", "--tag", "loss", "--height", "100000"],
            "--height takes a number from 4 to 1000. Received: 100000",
            "eventdump plot <logdir> --tag <regex> [options]", "plot"
        ),
        (
            ["scalars", "x", "--follow", "--interval", "1e300"],
            "--interval takes a number of seconds above 0 and at most 3600. Received: 1e300",
            "eventdump scalars <logdir> [options]", "scalars"
        ),
        (
            ["records", "x", "--follow", "--follow-timeout", "nan"],
            "--follow-timeout takes a number of seconds, 0 or more. Received: nan",
            "eventdump records <file> [options]",
            "records"
        ),
        (
            ["ls", "x", "--tag", "("],
            "--tag: '(' is not a regular expression this tool takes: missing ')' (at character 2)",
            "eventdump ls <logdir> [options]", "ls"
        ),
    ])
    func usageErrorsExitWithStatus2AndSayWhatToDo(arguments: [String], message: String, usage: String, command: String)
    {
        #expect(
            eventdump(arguments)
                == Invocation(
                    status: 2,
                    output: "",
                    errors:
                        "Error: \(message)\nUsage: \(usage)\nSee 'eventdump \(command) --help' for more information.\n"
                )
        )
    }

    @Test func everyCommandHasHelpWithExamples() {
        for command in ["ls", "scalars", "summary", "compare", "records", "hist", "text", "hparams", "plot"] {
            let help = eventdump(command, "--help")
            #expect(help.status == 0 && help.errors.isEmpty, "\(command)")
            #expect(
                help.output.hasPrefix("OVERVIEW: ") && help.output.contains("USAGE: eventdump \(command)")
                    && help.output.contains("\nARGUMENTS:\n") && help.output.contains("EXAMPLES:"),
                "\(command)"
            )
        }
        let overview = eventdump("--help")
        #expect(overview.output.contains("SUBCOMMANDS:") && overview.output.contains("  compare "))
    }

    @Test func theDefaultFormatEachHelpStatesIsTheOneUsed() throws {
        let directory = TemporaryDirectory()
        try writeSmallLog(directory.path)
        let file = try #require(try eventFiles(in: directory.path + "/exp/train").first)
        for command in ["ls", "scalars", "summary", "compare", "records", "hist", "text", "hparams"] {
            let help = eventdump(command, "--help").output
            let line = try #require(help.split(separator: "\n").first { $0.hasPrefix("  --format <format>") })
            let stated = try #require(line.components(separatedBy: "; default: ").last?.dropLast())
            let target = command == "records" ? file : directory.path
            let piped = eventdump(command, target).output
            let terminal = TerminalSink()
            _ = EventDump.run([command, target], output: terminal, errors: StringSink())
            // The first line: CSV's header has commas, aligned text's (or ls's "run ...") none.
            func firstLineHasCommas(_ text: String) -> Bool { text.split(separator: "\n").first?.contains(",") == true }
            #expect(!firstLineHasCommas(terminal.text), "\(command) on a terminal")
            switch stated {
            case "text": #expect(!firstLineHasCommas(piped), "\(command) piped")
            case "text on a terminal, csv otherwise":
                #expect(firstLineHasCommas(piped), "\(command) piped")
            default: Issue.record("\(command): unexpected default '\(stated)'")
            }
        }
        #expect(!eventdump("plot", "--help").output.contains("--format <format>"))
    }
}
