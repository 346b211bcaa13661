import Foundation
import TensorBoardEvents
import TestSupport
import Testing

@testable import EventDumpKit

// eventdump on damaged copies of a peer's log: every intact record still printed, each problem reported on
// standard error with file and byte offset, exit status 1 (and --strict stops at the first problem).

@Suite struct DamagedLogTests {
    let directory = TemporaryDirectory()

    /// A copy of tensorboardx's root event file (legacy scalars) in its own log directory, and its bytes.
    private func damagedCopy(_ name: String) throws -> (logdir: String, file: String, bytes: [UInt8]) {
        let source = packageRoot + "/fixtures/peers/tensorboardx"
        let fileName = try #require(
            try FileManager.default.contentsOfDirectory(atPath: source).first { $0.contains("tfevents") }
        )
        let logdir = directory.path + "/" + name
        try FileManager.default.createDirectory(atPath: logdir, withIntermediateDirectories: true)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: source + "/" + fileName)))
        return (logdir, logdir + "/" + fileName, bytes)
    }

    /// The record offsets of a clean file, from its TFRecord framing (at least three records).
    private func recordOffsets(_ bytes: [UInt8]) throws -> [Int64] {
        let offsets = recordFrames(bytes).map { Int64($0.offset) }
        try #require(offsets.count >= 3)
        return offsets
    }

    @Test func aTruncatedCopyPrintsEveryCompleteRecordAndReportsTheTail() throws {
        let (logdir, file, bytes) = try damagedCopy("truncated")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let clean = eventdump("scalars", logdir, "--format", "csv", "--keep-all")
        let offsets = try recordOffsets(bytes)
        let cut = Int(offsets[offsets.count / 2]) + 5
        try Data(bytes[..<cut]).write(to: URL(fileURLWithPath: file))
        let damaged = eventdump("scalars", logdir, "--format", "csv", "--keep-all")
        #expect(damaged.status == 1)
        #expect(clean.output.hasPrefix(damaged.output))
        #expect(damaged.output.split(separator: "\n").count < clean.output.split(separator: "\n").count)
        #expect(
            damaged.errors
                == "warning: \(file): offset \(offsets[offsets.count / 2]): truncated record (5 bytes at the end of the file)\n"
        )
    }

    @Test func aFlippedBitLosesOneRecordReportsItsOffsetAndReadsOn() throws {
        let (logdir, file, bytes) = try damagedCopy("flipped")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let clean = eventdump("scalars", logdir, "--format", "csv", "--keep-all").output.split(separator: "\n")
        let offsets = try recordOffsets(bytes)
        let target = offsets.count / 2
        var damagedBytes = bytes
        damagedBytes[Int(offsets[target]) + 20] ^= 0x10
        try Data(damagedBytes).write(to: URL(fileURLWithPath: file))
        let damaged = eventdump("scalars", logdir, "--format", "csv", "--keep-all")
        #expect(damaged.status == 1)
        let lines = damaged.output.split(separator: "\n")
        #expect(lines.count == clean.count - 1)  // the damaged record held one scalar
        #expect(Set(lines).isSubset(of: Set(clean)))
        #expect(
            damaged.errors.hasPrefix("warning: \(file): offset \(offsets[target]): payload checksum mismatch (got 0x")
        )
        #expect(damaged.errors.hasSuffix("; skipped \(offsets[target + 1] - offsets[target]) bytes to resynchronise\n"))
        #expect(damaged.errors.split(separator: "\n").count == 1)
        // Restart purging reads the run twice; the damage is still reported once, and every kind of table agrees.
        let purged = eventdump("scalars", logdir, "--format", "csv")
        #expect(purged.errors == damaged.errors)
        #expect(purged.status == 1)
        let histograms = eventdump("hist", logdir, "--format", "csv")
        #expect(histograms.errors == damaged.errors)
        let records = eventdump("records", file, "--format", "csv")
        #expect(records.status == 1)
        #expect(
            records.output.contains(
                "\n\(offsets[target]),\(offsets[target + 1] - offsets[target]),corrupt,,,\"payload checksum mismatch (got 0x"
            )
        )
        #expect(records.errors.hasSuffix("\(offsets.count - 1) good, 1 corrupt, 0 truncated\n"))
        let strict = eventdump("scalars", logdir, "--format", "csv", "--keep-all", "--strict")
        #expect(strict.status == 1)
        #expect(strict.errors.hasSuffix("Error: stopped at the first damaged record (--strict)\n"))
        // --strict prints the rows read before the damage (not just the header), and stops there.
        #expect(damaged.output.hasPrefix(strict.output))
        #expect(
            strict.output.split(separator: "\n").count > 1 && strict.output.split(separator: "\n").count < lines.count
        )
    }

    @Test func anEmptyFileAndAMissingPathAreHandled() throws {
        let logdir = directory.path + "/empty"
        try FileManager.default.createDirectory(atPath: logdir, withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: logdir + "/events.out.tfevents.1.h"))
        #expect(
            eventdump("scalars", logdir, "--format", "csv")
                == Invocation(status: 0, output: "run,tag,step,wall_time,value\n", errors: "")
        )
        let missing = eventdump("ls", directory.path + "/nope")
        #expect(
            missing
                == Invocation(
                    status: 1,
                    output: "",
                    errors:
                        "Error: \(directory.path)/nope: not a readable directory: No such file or directory (errno 2)\n"
                )
        )
    }
}

@Suite struct InvalidEventTests {
    let directory = TemporaryDirectory()

    /// A run whose file holds two scalars, then a record with good checksums whose payload is not an Event
    /// (the byte 0x0f: field 1 with the invalid wire type 7), then a third scalar; returns the file and the bad
    /// record's offset.
    private func writeLogWithAnInvalidEvent() throws -> (file: String, offset: Int) {
        let first = try SummaryWriter(runDirectory: directory.path + "/one")
        try first.scalar("x", Float(1), step: 0, wallTime: 10)
        try first.scalar("x", Float(2), step: 1, wallTime: 11)
        try first.close()
        let second = try SummaryWriter(runDirectory: directory.path + "/two")
        try second.scalar("x", Float(3), step: 2, wallTime: 12)
        try second.close()
        let head = try [UInt8](Data(contentsOf: URL(fileURLWithPath: first.filePath)))
        let tail = try [UInt8](Data(contentsOf: URL(fileURLWithPath: second.filePath)))
        let file = directory.path + "/run/events.out.tfevents.1.invalid"
        try FileManager.default.createDirectory(atPath: directory.path + "/run", withIntermediateDirectories: true)
        #expect(writeFile(head + TFRecordFrame.framed([0x0F]) + tail, to: file))
        try FileManager.default.removeItem(atPath: directory.path + "/one")
        try FileManager.default.removeItem(atPath: directory.path + "/two")
        return (file, head.count)
    }

    @Test func anInvalidEventIsReportedWithItsFileAndOffsetAndReadingGoesOn() throws {
        let (file, offset) = try writeLogWithAnInvalidEvent()
        let warning =
            "warning: \(file): offset \(offset): record is not a valid Event: invalid field key 15 (field 1, wire type 7) at offset 0\n"
        for arguments in [["--keep-all"], []] {
            let result = eventdump(["scalars", directory.path, "--format", "csv"] + arguments)
            #expect(
                result
                    == Invocation(
                        status: 1,
                        output: "run,tag,step,wall_time,value\nrun,x,0,10.0,1.0\nrun,x,1,11.0,2.0\nrun,x,2,12.0,3.0\n",
                        errors: warning
                    )
            )
        }
        #expect(eventdump("ls", directory.path, "--format", "csv").errors == warning)
        let strict = eventdump("scalars", directory.path, "--format", "csv", "--strict")
        #expect(
            strict
                == Invocation(
                    status: 1,
                    output: "run,tag,step,wall_time,value\nrun,x,0,10.0,1.0\nrun,x,1,11.0,2.0\n",
                    errors: warning + "Error: stopped at the first damaged record (--strict)\n"
                )
        )
    }
}
