import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

// Damaged copies of event files the peers wrote: every complete record before the damage comes back unchanged,
// the damage is reported with its offset, and after corruption in the middle the intact records after it are
// read too.

private func peerFile(_ relativeDirectory: String) throws -> String {
    let directory = packageRoot + "/fixtures/peers/" + relativeDirectory
    let name = try #require(
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains("tfevents") }.sorted().first
    )
    return directory + "/" + name
}

/// Records compared by offset and re-encoded bytes (bit-exact, where `==` would call NaN values different).
private func identity(_ records: [EventRecord]) -> [[UInt8]] {
    records.map { withUnsafeBytes(of: $0.offset, Array.init) + $0.event.serializedBytes() }
}

@Suite struct PeerFixtureDamageTests {
    let directory = TemporaryDirectory()

    @Test(arguments: ["keras_fit/train", "tensorboardx", "tb_writer_legacy/run"])
    func truncatedAtEveryOffsetKeepsEveryCompleteRecord(file relative: String) throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try peerFile(relative))))
        let path = directory.path + "/events.out.tfevents.cut." + relative.replacingOccurrences(of: "/", with: "_")
        #expect(writeFile(original, to: path))
        let whole = try readAll(path)
        #expect(whole.errors.isEmpty && whole.pendingByteCount == 0 && whole.events.count > 5)
        let ends = whole.events.map { $0.offset + Int64($0.length) + 16 }
        for cut in 0...original.count {
            #expect(writeFile(original[..<cut], to: path))
            let outcome = try readAll(path)
            let complete = ends.filter { $0 <= Int64(cut) }.count
            #expect(outcome.errors.isEmpty, "cut \(cut)")
            #expect(identity(outcome.events) == identity(Array(whole.events.prefix(complete))), "cut \(cut)")
            #expect(Int64(outcome.pendingByteCount) == Int64(cut) - (ends.prefix(complete).last ?? 0), "cut \(cut)")
        }
    }

    @Test(arguments: ["keras_fit/validation", "tb_writer_legacy/run", "resume_purge/v1_step_regression"])
    func flippedBitAtEveryByteLosesOnlyTheDamagedRecord(file relative: String) throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try peerFile(relative))))
        let path = directory.path + "/events.out.tfevents.flip." + relative.replacingOccurrences(of: "/", with: "_")
        #expect(writeFile(original, to: path))
        let whole = try readAll(path)
        #expect(whole.errors.isEmpty && whole.events.count > 3)
        for byte in 0..<original.count {
            var damaged = original
            damaged[byte] ^= UInt8(1 << (byte % 8))
            #expect(writeFile(damaged, to: path))
            let outcome = try readAll(path)
            let hit = try #require(whole.events.lastIndex { $0.offset <= Int64(byte) })
            var expected = whole.events
            expected.remove(at: hit)
            #expect(identity(outcome.events) == identity(expected), "byte \(byte)")
            #expect(outcome.errors.map(\.offset) == [whole.events[hit].offset], "byte \(byte)")
            #expect(outcome.errors.allSatisfy { $0.isCorruption }, "byte \(byte)")
        }
    }
}
