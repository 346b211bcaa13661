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
