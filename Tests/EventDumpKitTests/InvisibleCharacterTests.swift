import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

/// Invisible formatting characters and separators are escaped like control characters, and escaped text is
/// never re-cased.
@Suite struct InvisibleCharacterTests {
    let directory = TemporaryDirectory()

    @Test(
        arguments: [
            0x202A, 0x202B, 0x202C, 0x202D, 0x202E,  // bidirectional embeddings and overrides
            0x2066, 0x2067, 0x2068, 0x2069,  // bidirectional isolates
            0x200B, 0x200C, 0x200D, 0x200E, 0x200F,  // zero-width space, joiners, direction marks
            0xFEFF, 0x00AD, 0x061C, 0x2060,  // byte order mark, soft hyphen, Arabic letter mark, word joiner
            0x0080, 0x0085, 0x009B, 0x009F,  // C1 controls
            0x2028, 0x2029,  // line and paragraph separators
        ] as [UInt32]
    )
    func isEscapedAsItsCodePoint(_ value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let escaped = TerminalSafety.escaped("a" + String(Character(scalar)) + "b")
        #expect(escaped == "a\\u{" + String(value, radix: 16) + "}b")
    }

    @Test(arguments: ["plain", "é", "日本語", "Ünïcödé", "👍", "tab\u{3000}ideographic space", "a\\b"])
    func visibleTextIsKept(_ text: String) {
        #expect(TerminalSafety.escaped(text) == text.replacingOccurrences(of: "\\", with: "\\\\"))
    }

    @Test func aBidiOverrideInATagIsShownEscapedOnATerminal() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/run")
        try writer.scalar("loss\u{202E}gnp.exe", Float(1), step: 0, wallTime: 1)
        try writer.close()
        let text = eventdump("scalars", directory.path, "--format", "text")
        #expect(!text.output.unicodeScalars.contains("\u{202E}"))
        #expect(text.output.contains("loss\\u{202e}gnp.exe"))
    }

    @Test func wideHeadersKeepTheCaseOfTagsAndTheirEscapes() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/wide")
        try writer.scalar("Loss\u{1B}[0m\u{9B}x", Float(1), step: 0, wallTime: 1)
        try writer.close()
        let text = eventdump("scalars", directory.path + "/wide", "--wide", "--format", "text")
        let header = try #require(text.output.split(separator: "\n").first)
        #expect(header.hasPrefix("RUN  STEP  "))
        #expect(header.hasSuffix("Loss\\e[0m\\u{9b}x"), "\(header)")
    }

    @Test func hparamsHeadersKeepTheCaseOfHParamNames() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/hp")
        try writer.hparams(["learningRate\u{7}": 0.5], metrics: [.init(group: "", tag: "Acc")], wallTime: 1)
        try writer.scalar("Acc", Float(0.5), step: 0, wallTime: 2)
        try writer.close()
        let text = eventdump("hparams", directory.path + "/hp", "--format", "text")
        let header = try #require(text.output.split(separator: "\n").first)
        #expect(header.hasPrefix("RUN  learningRate\\x07  Acc BEST  Acc FINAL  STATUS"), "\(header)")
    }
}
