import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

#if canImport(Glibc)
import Glibc
#endif

// Damaged copies of every event file the peers wrote (fixtures/peers): every complete record before the damage
// comes back unchanged, the damage is reported with its offset, and after corruption in the middle the intact
// records after it are read too.

/// Every event file under fixtures/peers, relative to it, in name order.
private let peerEventFiles: [String] = {
    let root = packageRoot + "/fixtures/peers"
    let paths = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
    return paths.filter { ($0 as NSString).lastPathComponent.contains("tfevents") }.sorted()
}()

/// Records compared by offset and re-encoded bytes (bit-exact, where `==` would call NaN values different).
private func identity(_ records: [EventRecord]) -> [[UInt8]] {
    records.map { withUnsafeBytes(of: $0.offset, Array.init) + $0.event.serializedBytes() }
}

/// Bytes at which a bit is flipped: every byte of a small file; in a larger one the first and last 512 bytes and
/// 1024 others chosen by a seeded generator (the same every run).
private func flipPositions(count: Int, seed: UInt64) -> [Int] {
    guard count > 4096 else { return Array(0..<count) }
    var generator = SplitMix64(seed: seed)
    let sample = (0..<1024).map { _ in Int.random(in: 512..<(count - 512), using: &generator) }
    return Array(Set(Array(0..<512) + Array((count - 512)..<count) + sample)).sorted()
}

@Suite struct PeerFixtureDamageTests {
    let directory = TemporaryDirectory()

    @Test func coversEveryPeerEventFile() {
        #expect(peerEventFiles.count >= 16)
        for peer in ["keras_fit", "pytorch", "resume_purge", "tb_writer_legacy", "tensorboardx", "tf_summary"] {
            #expect(peerEventFiles.contains { $0.hasPrefix(peer + "/") }, "\(peer)")
        }
    }

    @Test(arguments: peerEventFiles)
    func truncatedAtEveryOffsetKeepsEveryCompleteRecord(file relative: String) throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: packageRoot + "/fixtures/peers/" + relative)))
        let path = directory.path + "/events.out.tfevents.cut." + relative.replacingOccurrences(of: "/", with: "_")
        #expect(writeFile(original, to: path))
        let whole = try readAll(path)
        #expect(whole.errors.isEmpty && whole.pendingByteCount == 0 && !whole.events.isEmpty)
        let ends = whole.events.map { $0.offset + Int64($0.length) + 16 }
        // Cut from the end down to nothing, shortening the same file in place.
        for cut in stride(from: original.count, through: 0, by: -1) {
            try #require(truncate(path, off_t(cut)) == 0)
            let outcome = try readAll(path)
            let complete = ends.filter { $0 <= Int64(cut) }.count
            #expect(outcome.errors.isEmpty, "\(relative) cut \(cut)")
            #expect(
                identity(outcome.events) == identity(Array(whole.events.prefix(complete))),
                "\(relative) cut \(cut)"
            )
            #expect(
                Int64(outcome.pendingByteCount) == Int64(cut) - (ends.prefix(complete).last ?? 0),
                "\(relative) cut \(cut)"
            )
        }
    }

    @Test(arguments: peerEventFiles)
    func flippedBitLosesOnlyTheDamagedRecord(file relative: String) throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: packageRoot + "/fixtures/peers/" + relative)))
        let path = directory.path + "/events.out.tfevents.flip." + relative.replacingOccurrences(of: "/", with: "_")
        #expect(writeFile(original, to: path))
        let whole = try readAll(path)
        #expect(whole.errors.isEmpty && !whole.events.isEmpty)
        for byte in flipPositions(count: original.count, seed: UInt64(original.count)) {
            var damaged = original
            damaged[byte] ^= UInt8(1 << (byte % 8))
            #expect(writeFile(damaged, to: path))
            let outcome = try readAll(path)
            let hit = try #require(whole.events.lastIndex { $0.offset <= Int64(byte) })
            var expected = whole.events
            expected.remove(at: hit)
            #expect(identity(outcome.events) == identity(expected), "\(relative) byte \(byte)")
            #expect(outcome.errors.map(\.offset) == [whole.events[hit].offset], "\(relative) byte \(byte)")
            #expect(outcome.errors.allSatisfy { $0.isCorruption }, "\(relative) byte \(byte)")
        }
    }
}
