import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

/// Truncation is not corruption: a header whose intact length runs past the end of the file is a record still
/// being written only when nothing valid follows it; otherwise every command reports corruption there and reads
/// every record after it.
@Suite struct TruncationTests {
    let directory = TemporaryDirectory()

    /// A scalar event's record: `loss` = `value` at `step`.
    private func record(step: Int64, value: Float) -> [UInt8] {
        var writer = ProtoWriter(capacity: 64)
        let summary = Summary(values: [Summary.Value(tag: "loss", kind: .simpleValue(value))])
        Event(wallTime: 1, step: step, content: .summary(summary)).encode(to: &writer)
        return TFRecordFrame.framed(Array(UnsafeRawBufferPointer(start: writer.base, count: writer.count)))
    }

    /// A record header with a valid length checksum claiming `length` bytes.
    private func header(claiming length: UInt64) -> [UInt8] {
        let lengthBytes = (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) }
        let checksum = MaskedCRC.checksum(lengthBytes)
        return lengthBytes + (0..<4).map { UInt8(truncatingIfNeeded: checksum >> (8 * $0)) }
    }

    private func writeEventFile(_ bytes: [UInt8]) throws -> String {
        try FileManager.default.createDirectory(atPath: directory.path + "/run", withIntermediateDirectories: true)
        let path = directory.path + "/run/events.out.tfevents.1.host"
        let written = writeFile(bytes, to: path)
        #expect(written)
        return path
    }

    @Test func aLengthPastTheEndWithValidRecordsAfterItIsCorruptionAndTheyAreRead() throws {
        let first = record(step: 0, value: 1)
        let path = try writeEventFile(
            first + header(claiming: 1_000_000) + record(step: 1, value: 2) + record(step: 2, value: 3)
        )
        let result = eventdump("scalars", directory.path, "--format", "csv")
        #expect(result.status == 1)
        #expect(
            result.output
                == "run,tag,step,wall_time,value\nrun,loss,0,1.0,1.0\nrun,loss,1,1.0,2.0\nrun,loss,2,1.0,3.0\n"
        )
        #expect(
            result.errors.contains(
                "\(path): offset \(first.count): record length 1000000 runs past the end of the file, but a valid record follows"
            )
        )
        let listing = eventdump("records", path, "--format", "csv")
        #expect(listing.output.split(separator: "\n").filter { $0.contains(",ok,") }.count == 3)
        #expect(listing.output.contains("\(first.count),12,corrupt,"))
    }

    @Test func aLengthPastTheEndWithNothingValidAfterItIsATruncatedTail() throws {
        let first = record(step: 0, value: 1)
        let path = try writeEventFile(first + header(claiming: 1_000_000) + [UInt8](repeating: 7, count: 100))
        let result = eventdump("scalars", directory.path, "--format", "csv")
        #expect(result.output == "run,tag,step,wall_time,value\nrun,loss,0,1.0,1.0\n")
        #expect(
            result.errors
                == "warning: \(path): offset \(first.count): truncated record (112 bytes at the end of the file)\n"
        )
        #expect(!result.errors.contains("corrupt") && !result.errors.contains("checksum"))
    }

    @Test func recordsDescribesEachRecordWhateverTheNumberOfTagsBefore() throws {
        // Each record's description costs the same however many series came before it (5,000 distinct tags).
        let writer = try SummaryWriter(runDirectory: directory.path + "/many")
        for index in 0..<5_000 { try writer.scalar("tag\(index)", Float(index), step: 0, wallTime: 1) }
        try writer.histogram("h", buckets: [HistogramBucket(leftEdge: 0, rightEdge: 1, count: 1)], step: 0, wallTime: 1)
        try writer.close()
        let listing = eventdump("records", writer.filePath, "--format", "csv")
        #expect(listing.status == 0)
        #expect(listing.output.contains("summary: 1 value: tag4999 (scalar)"))
        #expect(listing.output.contains("summary: 1 value: h (histogram)"))
    }
}
