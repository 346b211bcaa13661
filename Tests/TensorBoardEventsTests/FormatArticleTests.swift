import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

/// The DocC article on the event file format, checked so its byte vectors stay true: every `hex` code block must be
/// whole records that the record reader accepts and that framing reproduces.
@Suite struct FormatArticleTests {
    @Test func theArticleHoldsAtLeastThreeRecordVectors() throws {
        let blocks = try hexBlocks()
        #expect(blocks.count >= 3, "Format.md should hold at least three `hex` record vectors")
    }

    @Test func everyHexVectorInTheArticleIsWholeRecords() throws {
        for (index, block) in try hexBlocks().enumerated() {
            let bytes = try #require(parseHex(block), "hex block \(index) holds something other than hex bytes")
            #expect(!bytes.isEmpty, "hex block \(index) is empty")
            var reader = TFRecordReader(source: MemoryByteSource(bytes))
            var payloads: [[UInt8]] = []
            do {
                while let payload = try reader.readRecord({ _, payload in [UInt8](payload) }) {
                    payloads.append(payload)
                }
            } catch {
                Issue.record("hex block \(index) is not clean records: \(error)")
                continue
            }
            #expect(!payloads.isEmpty, "hex block \(index) holds no complete record")
            #expect(reader.pendingByteCount == 0, "hex block \(index) ends inside a record")
            #expect(reader.offset == Int64(bytes.count), "hex block \(index) was not read to its end")
            #expect(
                payloads.flatMap { TFRecordFrame.framed($0) } == bytes,
                "framing the payloads of hex block \(index) does not give its bytes"
            )
        }
    }
}

/// The article's path in the repository.
private let formatArticlePath = packageRoot + "/Sources/TensorBoardEvents/TensorBoardEvents.docc/Format.md"

/// The bodies of the article's fenced code blocks whose info string is `hex`, in order. Other blocks are
/// passed over whole, so that nothing inside them is taken for a fence.
private func hexBlocks() throws -> [String] {
    let text = try String(contentsOfFile: formatArticlePath, encoding: .utf8)
    var blocks: [String] = []
    var hexLines: [Substring] = []
    var fence: String?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("```") else {
            if fence == "hex" { hexLines.append(line) }
            continue
        }
        if let open = fence {
            if open == "hex" { blocks.append(hexLines.joined(separator: "\n")) }
            hexLines = []
            fence = nil
        } else {
            fence = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
        }
    }
    return blocks
}

/// The bytes of space-separated two-digit hex numbers (line breaks allowed), or `nil` for anything else.
private func parseHex(_ text: String) -> [UInt8]? {
    var result: [UInt8] = []
    for token in text.split(whereSeparator: \.isWhitespace) {
        guard token.count == 2, token.allSatisfy(\.isHexDigit), let byte = UInt8(token, radix: 16) else { return nil }
        result.append(byte)
    }
    return result
}
