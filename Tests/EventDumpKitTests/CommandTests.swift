import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

/// A small log directory written with SummaryWriter: train and validation runs with known values.
private func writeLog(_ path: String) throws {
    let train = try SummaryWriter(runDirectory: path + "/exp/train")
    let validation = try SummaryWriter(runDirectory: path + "/exp/validation")
    let trainLoss: [Float] = [1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125]
    let validationLoss: [Float] = [1.0, 0.75, 0.5, 0.5, 0.625, 0.75, 0.875, 1.0]
    for epoch in 0..<8 {
        try train.scalar("epoch_loss", trainLoss[epoch], step: Int64(epoch), wallTime: 1000 + Double(epoch))
        try validation.scalar("epoch_loss", validationLoss[epoch], step: Int64(epoch), wallTime: 1000.5 + Double(epoch))
    }
    try train.histogram("w", buckets: [HistogramBucket(leftEdge: 0, rightEdge: 1, count: 2)], step: 0, wallTime: 1000)
    try train.text("notes", "line one\nline two", step: 0, wallTime: 1000)
    try train.hparams(["lr": 0.5], metrics: [.init(group: "", tag: "epoch_loss")], wallTime: 1000)
    try train.close()
    try validation.close()
}

@Suite struct CommandTests {
    let directory = TemporaryDirectory()

    @Test func summaryGivesFirstLastMinMaxWithStepsAndSorts() throws {
        try writeLog(directory.path)
        let result = eventdump(
            "summary",
            directory.path,
            "--format",
            "csv",
            "--last",
            "2",
            "--sort",
            "max",
            "--descending"
        )
        #expect(result.status == 0 && result.errors.isEmpty)
        #expect(
            result.output == """
                run,tag,count,first,first_step,last,last_step,min,min_step,max,max_step,mean_last,nan,inf
                exp/train,epoch_loss,8,1.0,0,0.0078125,7,0.0078125,7,1.0,0,0.01171875,0,0
                exp/validation,epoch_loss,8,1.0,0,1.0,7,0.5,2,1.0,0,0.9375,0,0

                """
        )
    }

    @Test func compareFindsTheBestEpochOverfittingAndWhereEarlyStoppingWouldStop() throws {
        try writeLog(directory.path)
        let analysis = eventdump(
            "compare",
            directory.path,
            "--format",
            "csv",
            "--analysis",
            "--patience",
            "2",
            "--window",
            "4"
        )
        #expect(analysis.status == 0)
        #expect(
            analysis.output
                == "pair,metric,best_epoch,best_validation,overfitting_from,early_stop_after\nexp,loss,2,0.5,3,4\n"
        )
        let table = eventdump("compare", directory.path, "--format", "csv")
        #expect(
            table.output.hasPrefix(
                "pair,metric,epoch,training,validation,gap\nexp,loss,0,1.0,1.0,0.0\nexp,loss,1,0.5,0.75,0.25\n"
            )
        )
    }

    @Test func lsListsKindsPointsAndSteps() throws {
        try writeLog(directory.path)
        let result = eventdump("ls", directory.path, "--format", "csv")
        #expect(
            result.output == """
                run,tag,kind,plugin,points,first_step,last_step,first_wall_time,last_wall_time
                exp/train,_hparams_/experiment,hparams,hparams,1,0,0,1000.0,1000.0
                exp/train,_hparams_/session_start_info,hparams,hparams,1,0,0,1000.0,1000.0
                exp/train,epoch_loss,scalar,scalars,8,0,7,1000.0,1007.0
                exp/train,notes,text,text,1,0,0,1000.0,1000.0
                exp/train,w,histogram,histograms,1,0,0,1000.0,1000.0
                exp/validation,epoch_loss,scalar,scalars,8,0,7,1000.5,1007.5

                """
        )
    }

    @Test func histTextAndHParamsPrintTheirValues() throws {
        try writeLog(directory.path)
        #expect(
            eventdump("hist", directory.path, "--format", "csv").output
                == "run,tag,step,wall_time,left,right,count\nexp/train,w,0,1000.0,0.0,1.0,2.0\n"
        )
        #expect(
            eventdump("text", directory.path, "--format", "jsonl").output
                == "{\"run\":\"exp/train\",\"tag\":\"notes\",\"step\":0,\"wall_time\":1000.0,\"text\":\"line one\\nline two\"}\n"
        )
        #expect(
            eventdump("text", directory.path, "--format", "text").output
                == "RUN        TAG    STEP  WALL_TIME  TEXT\nexp/train  notes     0     1000.0  line one\\nline two\n"
        )
        #expect(
            eventdump("hparams", directory.path, "--format", "csv").output
                == "run,lr,epoch_loss best,epoch_loss final,status\nexp/train,0.5,0.0078125,0.0078125,\n"
        )
    }

    @Test func scalarsWideAndSmoothed() throws {
        try writeLog(directory.path)
        let wide = eventdump("scalars", directory.path, "--wide", "--format", "csv", "--steps", "6:")
        #expect(
            wide.output
                == "run,step,epoch_loss\nexp/train,6,0.015625\nexp/train,7,0.0078125\nexp/validation,6,0.875\nexp/validation,7,1.0\n"
        )
        let smoothed = eventdump(
            "scalars",
            directory.path,
            "--smooth",
            "0.6",
            "--format",
            "csv",
            "--run",
            "validation",
            "--steps",
            ":1"
        )
        let expected = Smoothing.smooth([1.0, 0.75, 0.5, 0.5, 0.625, 0.75, 0.875, 1.0], weight: 0.6)
        #expect(
            smoothed.output
                == "run,tag,step,wall_time,value,smoothed\nexp/validation,epoch_loss,0,1000.5,1.0,\(expected[0])\nexp/validation,epoch_loss,1,1001.5,0.75,\(expected[1])\n"
        )
    }

    @Test func everyFormatRendersTheSameTable() throws {
        try writeLog(directory.path)
        let arguments = ["scalars", directory.path, "--run", "validation", "--steps", "0:1"]
        #expect(
            eventdump(arguments + ["--format", "tsv"]).output
                == "run\ttag\tstep\twall_time\tvalue\nexp/validation\tepoch_loss\t0\t1000.5\t1.0\nexp/validation\tepoch_loss\t1\t1001.5\t0.75\n"
        )
        #expect(
            eventdump(arguments + ["--format", "json"]).output
                == "[\n{\"run\":\"exp/validation\",\"tag\":\"epoch_loss\",\"step\":0,\"wall_time\":1000.5,\"value\":1.0},\n{\"run\":\"exp/validation\",\"tag\":\"epoch_loss\",\"step\":1,\"wall_time\":1001.5,\"value\":0.75}\n]\n"
        )
        #expect(
            eventdump(arguments + ["--format", "markdown"]).output
                == "| run            | tag        | step | wall_time | value |\n| -------------- | ---------- | ---: | --------: | ----: |\n| exp/validation | epoch_loss |    0 |    1000.5 |   1.0 |\n| exp/validation | epoch_loss |    1 |    1001.5 |  0.75 |\n"
        )
    }

    @Test func plotsToTheTerminalSVGAndPNG() throws {
        try writeLog(directory.path)
        let terminal = eventdump("plot", directory.path, "--tag", "epoch_loss", "--width", "40", "--height", "8")
        #expect(terminal.status == 0)
        let lines = terminal.output.split(separator: "\n")
        #expect(lines.count == 8 + 2 + 2)
        #expect(lines.last == "  ⣿ 2 exp/validation epoch_loss")
        #expect(terminal.output.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        let svg = directory.path + "/loss.svg"
        #expect(eventdump("plot", directory.path, "--tag", "epoch_loss", "--output", svg).status == 0)
        let svgText = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(svgText.hasPrefix("<svg ") && svgText.components(separatedBy: "<polyline").count == 3)
        let png = directory.path + "/loss.png"
        #expect(eventdump("plot", directory.path, "--tag", "epoch_loss", "--output", png).status == 0)
        let pngBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: png)))
        #expect(Array(pngBytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }
}

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
            ["ls", "x", "--tag", "("], "--tag: '(' is not a valid regular expression",
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
                    && help.output.contains("EXAMPLES:"),
                "\(command)"
            )
        }
        let overview = eventdump("--help")
        #expect(overview.output.contains("SUBCOMMANDS:") && overview.output.contains("  compare "))
    }
}

@Suite struct HostileLogTests {
    let directory = TemporaryDirectory()

    @Test func tagsAndTextNeverDriveTheTerminalAndCSVNeutralisesFormulas() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/run")
        try writer.scalar("\u{1B}[31mred\u{1B}[0m\u{07}", Float(1), step: 0, wallTime: 1)
        try writer.scalar("=HYPERLINK(\"http://x\")", Float(-2), step: 0, wallTime: 1)
        try writer.text("note", "evil\u{1B}]0;title\u{07}\r\n", step: 0, wallTime: 1)
        try writer.close()
        let text = eventdump("scalars", directory.path, "--format", "text")
        #expect(!text.output.contains("\u{1B}") && !text.output.contains("\u{07}"))
        #expect(text.output.contains("\\e[31mred\\e[0m\\x07"))
        let csv = eventdump("scalars", directory.path, "--format", "csv")
        #expect(csv.output.contains("run,\"'=HYPERLINK(\"\"http://x\"\")\",0,1.0,-2.0\n"))
        let notes = eventdump("text", directory.path, "--format", "text")
        #expect(notes.output.contains("evil\\e]0;title\\x07\\r\\n"))
        #expect(!notes.output.contains("\u{1B}"))
    }
}

@Suite struct FollowTests {
    let directory = TemporaryDirectory()

    @Test func recordsFollowWaitsOnAPartlyWrittenRecordAndPrintsItWhenComplete() throws {
        let source = packageRoot + "/fixtures/peers/tb_writer_legacy/run"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: source).sorted().first)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: source + "/" + name)))
        let file = directory.path + "/events.out.tfevents.1.follow"
        writeFile(bytes, to: file)
        let appender = Thread {
            guard let handle = FileHandle(forWritingAtPath: file) else { return }
            handle.seekToEndOfFile()
            usleep(300_000)
            handle.write(Data(bytes[..<10]))  // half a record header: the reader must wait, not fail
            usleep(300_000)
            handle.write(Data(bytes[10...]))
            try? handle.close()
        }
        appender.start()
        let result = eventdump(
            "records",
            file,
            "--follow",
            "--format",
            "csv",
            "--interval",
            "0.05",
            "--follow-timeout",
            "1.5"
        )
        let once = eventdump("records", file, "--format", "csv")  // the file as it is in the end: two copies
        #expect(result.status == 0)
        #expect(result.output == once.output)
        let rows = once.output.split(separator: "\n").dropFirst()
        #expect(rows.count % 2 == 0 && rows.allSatisfy { $0.contains(",ok,") })
        #expect(result.errors.hasSuffix("\(rows.count) good, 0 corrupt, 0 truncated\n"))
    }

    @Test func followPrintsPointsAsTheyAreAppendedIncludingNewRuns() throws {
        let first = try SummaryWriter(runDirectory: directory.path + "/a", options: .init(flushInterval: 0))
        try first.scalar("x", Float(1), step: 1, wallTime: 10)
        let secondRun = directory.path + "/b"
        let writerThread = Thread {
            usleep(300_000)
            try? first.scalar("x", Float(2), step: 2, wallTime: 11)
            let second = try? SummaryWriter(runDirectory: secondRun, options: .init(flushInterval: 0))
            try? second?.scalar("y", Float(3), step: 1, wallTime: 12)
            try? second?.close()
        }
        writerThread.start()
        let result = eventdump(
            "scalars",
            directory.path,
            "--follow",
            "--format",
            "csv",
            "--interval",
            "0.05",
            "--follow-timeout",
            "1.5"
        )
        try first.close()
        #expect(result.status == 0)
        #expect(result.output == "run,tag,step,wall_time,value\na,x,1,10.0,1.0\na,x,2,11.0,2.0\nb,y,1,12.0,3.0\n")
    }
}

@Suite struct BinaryTests {
    @Test func theBuiltBinaryPrintsTablesAndExitsWithTheDocumentedStatuses() throws {
        let binary = try #require(
            eventdumpBinary(),
            "eventdump is not built; run `swift build` first (scripts/test does)"
        )
        let ok = try runBinary(
            binary,
            [
                "scalars", packageRoot + "/fixtures/peers/tb_writer_legacy", "--format", "csv", "--tag",
                "legacy/two_values_a",
            ]
        )
        #expect(ok.status == 0)
        #expect(
            ok.output
                == eventdump(
                    "scalars",
                    packageRoot + "/fixtures/peers/tb_writer_legacy",
                    "--format",
                    "csv",
                    "--tag",
                    "legacy/two_values_a"
                ).output
        )
        let usage = try runBinary(binary, ["nonsense"])
        #expect(usage.status == 2)
        let missing = try runBinary(binary, ["scalars", "/nonexistent/logs"])
        #expect(
            missing
                == Invocation(
                    status: 1,
                    output: "",
                    errors: "Error: /nonexistent/logs: not a readable directory: No such file or directory (errno 2)\n"
                )
        )
    }
}
