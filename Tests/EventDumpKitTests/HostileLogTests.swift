import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

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

extension HostileLogTests {
    @Test(arguments: ["text", "markdown"])
    func aHugeCellAmongTheMeasuredRowsWidensOnlyItsOwnLine(format: String) throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/run")
        let huge = String(repeating: "x", count: 200_000)
        try writer.text("note", huge, step: 0, wallTime: 1)
        for step in 1...400 { try writer.text("note", "ok", step: Int64(step), wallTime: 1) }
        try writer.close()
        let result = eventdump("text", directory.path, "--format", format)
        #expect(result.status == 0)
        #expect(result.output.contains(huge))
        // Unpadded, each of the 400 short lines would be padded to 200,000 characters.
        #expect(result.output.utf8.count < huge.utf8.count + 400 * 4 * (TableWriter.maximumPaddedWidth + 3))
        let shortLines = result.output.split(separator: "\n").filter { !$0.contains("x") }
        #expect(shortLines.count >= 400)
    }
}

/// The fields of a CSV or TSV text, read as RFC 4180 says (quoted fields, doubled quotes, line breaks inside).
private func parseDelimited(_ text: String, separator: Character = ",") -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
        if quoted {
            if character == "\"" {
                if characters.first == "\"" {
                    field.append("\"")
                    characters.removeFirst()
                } else {
                    quoted = false
                }
            } else {
                field.append(character)
            }
        } else if character == "\"" && field.isEmpty {
            quoted = true
        } else if character == separator {
            row.append(field)
            field = ""
        } else if character == "\n" {
            rows.append(row + [field])
            (row, field) = ([], "")
        } else {
            field.append(character)
        }
    }
    return rows
}

@Suite struct ControlCharacterTests {
    let directory = TemporaryDirectory()
    let tag = "\u{1B}[31mred\u{1B}[0m\u{07},\u{9B}2J"
    let note = "evil\u{1B}]0;title\u{07}\r\n\"quoted\"\t\u{7F}"

    private func writeHostileLog() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/run\u{1B}[2J")
        try writer.scalar(tag, Float(1), step: 0, wallTime: 1)
        try writer.text("note", note, step: 0, wallTime: 1)
        try writer.close()
    }

    /// Runs eventdump with standard output on a (pretend) terminal.
    private func onTerminal(_ arguments: String...) -> String {
        let output = TerminalSink()
        _ = EventDump.run(arguments, output: output, errors: StringSink())
        return output.text
    }

    @Test func onATerminalEveryFormatEscapesControlCharacters() throws {
        try writeHostileLog()
        for command in ["scalars", "text", "ls", "summary"] {
            for format in OutputFormat.allCases {
                let text = onTerminal(command, directory.path, "--format", format.rawValue)
                // Line breaks end rows, and tabs separate TSV fields: no other control character is allowed.
                let structure: Set<Unicode.Scalar> = format == .tsv ? ["\n", "\t"] : ["\n"]
                let raw = text.unicodeScalars.filter {
                    ($0.value < 0x20 && !structure.contains($0)) || $0.value == 0x7F || (0x80..<0xA0).contains($0.value)
                }
                #expect(raw.isEmpty, "\(command) \(format): \(raw.map(\.value))")
            }
        }
        #expect(
            onTerminal("scalars", directory.path, "--format", "csv").contains("\"\\e[31mred\\e[0m\\x07,\\u{9b}2J\"")
        )
        #expect(onTerminal("ls", directory.path, "--format", "csv", "--files").contains("run\\e[2J"))
    }

    @Test func toAFileOrPipeCSVAndTSVKeepTheExactTextAndReadBack() throws {
        try writeHostileLog()
        for (format, separator) in [("csv", Character(",")), ("tsv", "\t")] {
            let scalars = parseDelimited(
                eventdump("scalars", directory.path, "--format", format).output,
                separator: separator
            )
            let row = try #require(scalars.count == 2 ? scalars.last : nil)
            #expect(row.count == 5 && row.first == "run\u{1B}[2J" && row.dropFirst().first == tag, "\(format)")
            let text = parseDelimited(
                eventdump("text", directory.path, "--format", format).output,
                separator: separator
            )
            #expect(text.count == 2 && text.last?.last == note, "\(format)")
        }
    }

    @Test func jsonEscapesControlCharactersAsJSONRequiresAndReadsBack() throws {
        try writeHostileLog()
        let output = eventdump("text", directory.path, "--format", "json").output
        let raw = output.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" }
        #expect(raw.isEmpty)
        #expect(output.contains("\\u001b]0;title\\u0007\\r\\n\\\"quoted\\\"\\t\\u007f"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["text"] as? String == note && rows.first?["run"] as? String == "run\u{1B}[2J")
    }

    @Test func messagesOnStandardErrorShowPathsAndNamesEscaped() throws {
        try writeHostileLog()
        let file = try #require(try eventFiles(in: directory.path + "/run\u{1B}[2J").first)
        let handle = try #require(FileHandle(forWritingAtPath: file))
        handle.seekToEndOfFile()
        handle.write(Data([1, 2, 3]))
        try handle.close()
        let result = eventdump("scalars", directory.path, "--format", "csv")
        #expect(result.errors.hasPrefix("warning: \(directory.path)/run\\e[2J/"))
        #expect(!result.errors.contains("\u{1B}"))
        let usage = eventdump("scalars", directory.path, "--steps", "\u{1B}[2J")
        #expect(usage.status == 2 && !usage.errors.contains("\u{1B}") && usage.errors.contains("Received: \\e[2J"))
    }
}
