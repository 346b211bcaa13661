import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

/// ``EventFileWriter`` with `writesBehind`: full buffers are written by a thread of their own.
@Suite struct WriteBehindTests {
    let directory = TemporaryDirectory()

    /// Events of sizes from a few bytes to a few kilobytes, so that buffers pass the threshold at every phase.
    private func events(_ count: Int) -> [Event] {
        var generator = SplitMix64(seed: 7)
        return (0..<count).map { index in
            let text = String(repeating: "x", count: Int(generator.next() % 3000))
            return Event(wallTime: Double(index), step: Int64(index), what: .fileVersion(text))
        }
    }

    /// Whether two writers hold the same pending bytes (compared here, so a failure does not print megabytes).
    private func samePending(_ first: borrowing EventFileWriter, _ second: borrowing EventFileWriter) -> Bool {
        first.pendingBytes == second.pendingBytes
    }

    private func fileBytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The file is byte for byte what the writer that writes in place makes, after every flush and after
    /// closing; and a flush returns only once every record is in the file.
    @Test func theFileIsWhatWritingInPlaceMakes() throws {
        let behindPath = directory.path + "/behind"
        let inPlacePath = directory.path + "/in-place"
        var behind = try EventFileWriter(creating: behindPath, flushThreshold: 4096, writesBehind: true)
        var inPlace = try EventFileWriter(creating: inPlacePath, flushThreshold: 4096)
        for (index, event) in events(3000).enumerated() {
            try behind.append(event)
            try inPlace.append(event)
            if index % 700 == 699 {
                try behind.flush()
                try inPlace.flush()
                #expect(behind.pendingByteCount == 0)
                #expect(behind.committedSize == SystemCalls.fileSize(behindPath))
                let same = try fileBytes(behindPath) == fileBytes(inPlacePath)
                #expect(same, "the files differ after event \(index)")
            }
        }
        try behind.close()
        try inPlace.close()
        let bytes = try fileBytes(behindPath)
        #expect(bytes.count > 3000 * 1000)
        let same = try bytes == fileBytes(inPlacePath)
        #expect(same, "the files differ after closing")
        #expect(try readAll(behindPath).events.count == 3000)
    }

    /// A writer dropped without `close()` waits for the write under way, then writes what is pending.
    @Test func deinitialisingWritesEverything() throws {
        let path = directory.path + "/dropped"
        do {
            var writer = try EventFileWriter(creating: path, flushThreshold: 2048, writesBehind: true)
            for event in events(500) { try writer.append(event) }
        }
        let outcome = try readAll(path)
        #expect(outcome.errors.isEmpty && outcome.pendingByteCount == 0)
        #expect(outcome.events.map(\.event.step) == (0..<500).map { Int64($0) })
    }

    /// On `/dev/full` the append that hands a buffer over does not fail (its write is under way); the call that
    /// waits for it throws ENOSPC, and every record stays pending, in the order it was appended.
    @Test func aFailedWriteKeepsItsRecordsPendingInOrder() throws {
        var behind = try EventFileWriter(appendingTo: "/dev/full", flushThreshold: 4096, writesBehind: true)
        var expected = try EventFileWriter(appendingTo: "/dev/full", flushThreshold: .max)
        var handedOver = false
        for event in events(40) {
            try expected.append(event)
            do {
                try behind.append(event)
                handedOver = handedOver || behind.pendingByteCount < expected.pendingByteCount
            } catch {
                // A later hand-off waits for the failed write: its records are pending again.
                #expect(error == EventFileError(.writeFailed(errno: ENOSPC), path: "/dev/full", offset: 0))
                let same = samePending(behind, expected)
                #expect(same, "the pending records differ after the failure")
            }
        }
        #expect(handedOver)
        #expect(throws: EventFileError(.writeFailed(errno: ENOSPC), path: "/dev/full", offset: 0)) {
            try behind.flush()
        }
        let same = samePending(behind, expected)
        #expect(same, "the pending records differ after the failed flush")
        #expect(behind.committedSize == 0)
    }

    /// A file removed while open is reported by the call that waits for the write that found it so.
    @Test func aRemovedFileIsReportedByTheCallThatWaits() throws {
        let path = directory.path + "/removed"
        var writer = try EventFileWriter(creating: path, flushThreshold: 1024, writesBehind: true)
        try FileManager.default.removeItem(atPath: path)
        var failure: EventFileError?
        for event in events(20) where failure == nil {
            do { try writer.append(event) } catch { failure = error }
        }
        if failure == nil {
            do { try writer.flush() } catch { failure = error }
        }
        #expect(failure?.code == .fileRemoved && failure?.path == path)
    }
}
