import Foundation
import TestSupport
import Testing

@testable import EventDumpKit

// The built `eventdump` binary, end to end, on the peers' logs (fixtures/peers) and on damaged copies: the
// complete standard output, standard error and exit status of each run. Values come from TensorBoard's Python
// loader (fixtures/peers/expected/<set>.json); offsets and lengths from the files' TFRecord framing
// (recordFrames); the rest (what the producer wrote, the message forms) is small enough to check by reading
// scripts/make_peer_fixtures.py.

/// The fields of fixtures/peers/expected/<set>.json these tests read.
private struct Export: Decodable {
    struct Series: Decodable {
        var plugin: String
        var points: [Point]
    }

    struct Point: Decodable {
        var step: Int64
        var wallTime: String
        var values: [Value]
        enum CodingKeys: String, CodingKey {
            case step, values
            case wallTime = "wall_time"
        }
    }

    /// A float's 16 hex digits of its bits, or something else (not read here).
    struct Value: Decodable {
        var bits: String?
        init(from decoder: Decoder) throws { bits = try? decoder.singleValueContainer().decode(String.self) }
    }

    var runs: [String: [String: Series]]

    static func load(_ set: String) throws -> Export {
        let url = URL(fileURLWithPath: packageRoot + "/fixtures/peers/expected/\(set).json")
        return try JSONDecoder().decode(Export.self, from: Data(contentsOf: url))
    }
}

private func double(_ hex: String) -> Double { Double(bitPattern: UInt64(hex, radix: 16) ?? 0) }

/// `value` as eight hexadecimal digits, as the checksum messages print it.
private func hex8(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
}

/// A little-endian UInt32 at `offset`.
private func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<(offset + 4)].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
}

@Suite struct BinaryTests {
    let directory = TemporaryDirectory()
    let header = "run,tag,step,wall_time,value\n"

    private func binary() throws -> String {
        try #require(eventdumpBinary(), "eventdump is not built; run `swift build` first (scripts/test does)")
    }

    /// The CSV rows of run `.`'s `scalars/special` in tensorboardx's export, by step.
    private func specialRows() throws -> [Int64: String] {
        let series = try #require(try Export.load("tensorboardx").runs["."]?["scalars/special"])
        var rows: [Int64: String] = [:]
        for point in series.points {
            let bits = try #require(point.values.first?.bits)
            rows[point.step] =
                ".,scalars/special,\(point.step),\(number(double(point.wallTime))),\(number(double(bits)))\n"
        }
        try #require(rows.count == 15)
        return rows
    }

    /// A copy of tensorboardx's root event file alone in a log directory; the copy's path and the original bytes.
    /// Its records, as make_peer_fixtures.py writes them: file_version, then `scalars/special` at steps 0-14
    /// (records 1-15), then the other tags.
    private func copyOfTensorboardXRoot(_ name: String) throws -> (logdir: String, file: String, bytes: [UInt8]) {
        let source = try #require(try eventFiles(in: packageRoot + "/fixtures/peers/tensorboardx").first)
        let logdir = directory.path + "/" + name
        try FileManager.default.createDirectory(atPath: logdir, withIntermediateDirectories: true)
        let file = logdir + "/" + URL(fileURLWithPath: source).lastPathComponent
        return (logdir, file, try [UInt8](Data(contentsOf: URL(fileURLWithPath: source))))
    }

    @Test func scalarsOfAPeerLogAreWhatTensorBoardReads() throws {
        let rows = try specialRows()
        let result = try runBinary(
            try binary(),
            ["scalars", packageRoot + "/fixtures/peers/tensorboardx", "--format", "csv", "--tag", "^scalars/special$"]
        )
        let expected = header + (0..<15).compactMap { rows[Int64($0)] }.joined()
        #expect(result == Invocation(status: 0, output: expected, errors: ""))
    }

    @Test func aTruncatedCopyPrintsTheRecordsBeforeTheCutAndSaysWhere() throws {
        let (logdir, file, bytes) = try copyOfTensorboardXRoot("truncated")
        let frames = recordFrames(bytes)
        try #require(frames.count > 16)
        // Cut 5 bytes into record 6 (scalars/special at step 5): steps 0-4 are complete.
        #expect(writeFile(bytes[..<(frames[6].offset + 5)], to: file))
        let rows = try specialRows()
        let result = try runBinary(try binary(), ["scalars", logdir, "--format", "csv", "--tag", "^scalars/special$"])
        #expect(
            result
                == Invocation(
                    status: 1,
                    output: header + (0..<5).compactMap { rows[Int64($0)] }.joined(),
                    errors:
                        "warning: \(file): offset \(frames[6].offset): truncated record (5 bytes at the end of the file)\n"
                )
        )
    }

    @Test func aFlippedBitLosesOneRecordWhichIsReportedWithItsOffset() throws {
        let (logdir, file, bytes) = try copyOfTensorboardXRoot("flipped")
        let frames = recordFrames(bytes)
        try #require(frames.count > 16)
        // Flip a bit of record 5's stored payload checksum (scalars/special at step 4): the record is lost.
        let record = frames[5]
        let footer = record.offset + 12 + record.length
        var damaged = bytes
        damaged[footer] ^= 0x01
        #expect(writeFile(damaged, to: file))
        let warning =
            "warning: \(file): offset \(record.offset): payload checksum mismatch (got 0x\(hex8(uint32(bytes, at: footer))), want 0x\(hex8(uint32(damaged, at: footer)))); skipped \(frames[6].offset - record.offset) bytes to resynchronise\n"
        let rows = try specialRows()
        let arguments = ["scalars", logdir, "--format", "csv", "--tag", "^scalars/special$"]
        let result = try runBinary(try binary(), arguments)
        let kept = (0..<15).filter { $0 != 4 }.compactMap { rows[Int64($0)] }.joined()
        #expect(result == Invocation(status: 1, output: header + kept, errors: warning))
        let strict = try runBinary(try binary(), arguments + ["--strict"])
        #expect(
            strict
                == Invocation(
                    status: 1,
                    output: header + (0..<4).compactMap { rows[Int64($0)] }.joined(),
                    errors: warning + "Error: stopped at the first damaged record (--strict)\n"
                )
        )
    }

    /// records on resume_purge's brain.Event:1 file, as make_peer_fixtures.py writes it (T0 = 1700000000): the
    /// file version at T0, steps 0-5 with x and y at T0 + 1 + step, x alone at step 3 (T0 + 10), x and y at
    /// step 4 (T0 + 11).
    private func stepRegressionRows(_ frames: [(offset: Int, length: Int)]) -> [String] {
        let both = "\"summary: 2 values: x (scalar), y (scalar)\""
        let contents =
            [("1700000000.0", 0, "file_version brain.Event:1")]
            + (0..<6).map { ("\(1_700_000_001 + $0).0", $0, both) }
            + [("1700000010.0", 3, "summary: 1 value: x (scalar)"), ("1700000011.0", 4, both)]
        return zip(frames, contents).map { frame, content in
            "\(frame.offset),\(frame.length),ok,\(content.0),\(content.1),\(content.2)"
        }
    }

    @Test func recordsListsEveryRecordOfAPeerFileAndTheDamageOfACopy() throws {
        let source = try #require(
            try eventFiles(in: packageRoot + "/fixtures/peers/resume_purge/v1_step_regression").first
        )
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: source)))
        let frames = recordFrames(bytes)
        try #require(frames.count == 9 && frames.last.map { $0.offset + 16 + $0.length } == bytes.count)
        let rows = stepRegressionRows(frames)
        let columns = "offset,length,status,wall_time,step,content\n"
        #expect(
            try runBinary(try binary(), ["records", source, "--format", "csv"])
                == Invocation(
                    status: 0,
                    output: columns + rows.map { $0 + "\n" }.joined(),
                    errors: "9 good, 0 corrupt, 0 truncated\n"
                )
        )
        // A copy with record 7's payload checksum flipped: the record is lost, record 8 is read on.
        let flipped = directory.path + "/events.out.tfevents.1.flipped"
        var damaged = bytes
        let footer = frames[7].offset + 12 + frames[7].length
        damaged[footer] ^= 0x80
        #expect(writeFile(damaged, to: flipped))
        let reason =
            "payload checksum mismatch (got 0x\(hex8(uint32(bytes, at: footer))), want 0x\(hex8(uint32(damaged, at: footer))))"
        let skipped = frames[8].offset - frames[7].offset
        #expect(
            try runBinary(try binary(), ["records", flipped, "--format", "csv"])
                == Invocation(
                    status: 1,
                    output: columns + rows.prefix(7).map { $0 + "\n" }.joined()
                        + "\(frames[7].offset),\(skipped),corrupt,,,\"\(reason)\"\n" + rows[8] + "\n",
                    errors: """
                        warning: \(flipped): offset \(frames[7].offset): \(reason); skipped \(skipped) bytes to resynchronise
                        8 good, 1 corrupt, 0 truncated

                        """
                )
        )
        // A copy cut 3 bytes into record 8.
        let truncated = directory.path + "/events.out.tfevents.2.truncated"
        #expect(writeFile(bytes[..<(frames[8].offset + 3)], to: truncated))
        #expect(
            try runBinary(try binary(), ["records", truncated, "--format", "csv"])
                == Invocation(
                    status: 1,
                    output: columns + rows.prefix(8).map { $0 + "\n" }.joined()
                        + "\(frames[8].offset),3,truncated,,,incomplete last record\n",
                    errors: """
                        warning: \(truncated): offset \(frames[8].offset): truncated record (3 bytes at the end of the file)
                        8 good, 0 corrupt, 1 truncated

                        """
                )
        )
    }

    @Test func lsOfAPeerLogGivesEachTagsKindPointsAndFirstAndLastPoint() throws {
        let export = try Export.load("keras_fit")
        let kinds = ["scalars": "scalar", "histograms": "histogram", "images": "image", "text": "text"]
        var expected = "run,tag,kind,plugin,points,first_step,last_step,first_wall_time,last_wall_time\n"
        for run in export.runs.keys.sorted() {
            for (tag, series) in (export.runs[run] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let first = try #require(series.points.first)
                let last = try #require(series.points.last)
                expected +=
                    "\(run),\(tag),\(kinds[series.plugin] ?? "tensor"),\(series.plugin),\(series.points.count),"
                    + "\(first.step),\(last.step),\(number(double(first.wallTime))),\(number(double(last.wallTime)))\n"
            }
        }
        let result = try runBinary(try binary(), ["ls", packageRoot + "/fixtures/peers/keras_fit", "--format", "csv"])
        #expect(result == Invocation(status: 0, output: expected, errors: ""))
    }

    @Test func usageErrorsAndMissingPathsExitWithTheirStatuses() throws {
        #expect(
            try runBinary(try binary(), ["scalars"])
                == Invocation(
                    status: 2,
                    output: "",
                    errors:
                        "Error: missing <logdir>\nUsage: eventdump scalars <logdir> [options]\nSee 'eventdump scalars --help' for more information.\n"
                )
        )
        #expect(
            try runBinary(try binary(), ["nonsense"])
                == Invocation(
                    status: 2,
                    output: "",
                    errors:
                        "Error: unknown subcommand 'nonsense'\nUsage: eventdump <subcommand> [<arguments>]\nSee 'eventdump --help' for more information.\n"
                )
        )
        #expect(
            try runBinary(try binary(), ["scalars", "/nonexistent/logs"])
                == Invocation(
                    status: 1,
                    output: "",
                    errors: "Error: /nonexistent/logs: not a readable directory: No such file or directory (errno 2)\n"
                )
        )
    }
}
