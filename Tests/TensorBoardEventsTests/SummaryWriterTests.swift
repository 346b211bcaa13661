import CZlib
import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

/// Every event in the file a writer wrote.
private func events(of writer: SummaryWriter) throws -> [Event] {
    let outcome = try readAll(writer.filePath)
    #expect(outcome.errors.isEmpty)
    #expect(outcome.pendingByteCount == 0)
    return outcome.events.map(\.event)
}

@Suite struct SummaryWriterTests {
    let directory = TemporaryDirectory()

    @Test func namesFilesAsTensorBoardsWriterAndStartsWithTheFileVersion() throws {
        let writer = try SummaryWriter(
            runDirectory: directory.path + "/run/train",
            options: .init(fileNameSuffix: ".v2")
        )
        try writer.close()
        let name = URL(fileURLWithPath: writer.filePath).lastPathComponent
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        #expect(name.hasPrefix("events.out.tfevents."))
        #expect(name.hasSuffix(".v2"))
        #expect(parts[3].count == 10 && parts[3].allSatisfy(\.isNumber))
        #expect(parts[parts.count - 3] == Substring(String(getpid())))
        let first = try #require(try events(of: writer).first)
        #expect(first.fileVersion == "brain.Event:2")
        #expect(first.step == 0)
        #expect(abs(first.wallTime - Date().timeIntervalSince1970) < 60)
    }

    @Test func severalWritersInOneRunDirectoryGetDistinctFiles() throws {
        let writers = try (0..<20).map { _ in try SummaryWriter(runDirectory: directory.path + "/same") }
        #expect(Set(writers.map(\.filePath)).count == 20)
    }

    @Test func aNewFileSortsAfterTheRunsExistingFiles() throws {
        // Twelve writers in one directory: names sort in creation order even past counter 9 (".10" < ".9").
        let writers = try (0..<12).map { _ in try SummaryWriter(runDirectory: directory.path + "/ordered") }
        let names = writers.map { URL(fileURLWithPath: $0.filePath).lastPathComponent }
        #expect(names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } == names)
        // A file from a clock that ran ahead, and one of this second from a larger process id.
        let now = Int64(Date().timeIntervalSince1970)
        for existing in ["events.out.tfevents.\(now + 100).zz.1.0", "events.out.tfevents.\(now).zzzz.99999999.0"] {
            let run = directory.path + "/" + existing.replacingOccurrences(of: ".", with: "_")
            try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
            #expect(writeFile([], to: run + "/" + existing))
            #expect(writeFile([], to: run + "/zzz-not-an-event-file"))
            let writer = try SummaryWriter(runDirectory: run)
            let name = URL(fileURLWithPath: writer.filePath).lastPathComponent
            #expect(existing.utf8.lexicographicallyPrecedes(name.utf8), "\(name) after \(existing)")
            let seconds = try #require(EventFileName.seconds(of: name))
            #expect(seconds == (try #require(EventFileName.seconds(of: existing))) + 1)
        }
    }

    @Test func neverWritesANonFiniteWallTime() throws {
        // TensorBoard's default loader stops reading a file at a NaN wall time and drops an infinite one.
        let writer = try SummaryWriter(runDirectory: directory.path + "/times")
        try writer.scalar("a", Float(1), step: 0, wallTime: .nan)
        try writer.text("b", "x", step: 0, wallTime: .infinity)
        try writer.histogram("c", values: [1.0], step: 0, wallTime: -.infinity)
        try writer.scalar("d", Float(1), step: 0, wallTime: 12.5)
        try writer.close()
        let times = try events(of: writer).dropFirst().map(\.wallTime)
        #expect(times.count == 4)
        #expect(times.prefix(3).allSatisfy { abs($0 - Date().timeIntervalSince1970) < 60 })
        #expect(times.last == 12.5)
    }

    @Test func writesScalarsByteForByteAsFormatSection1_5() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/scalars")
        try writer.scalar("loss", Float(0.25), step: 2, wallTime: 1_700_000_002)
        try writer.scalar("loss", Float(0.125), step: 3, wallTime: 1_700_000_003)
        try writer.close()
        let contents = try [UInt8](Data(contentsOf: URL(fileURLWithPath: writer.filePath)))
        let versionLength = Int(contents[0]) + 16
        // The first scalar record is exactly FORMAT.md's, metadata included; the second leaves the metadata out.
        #expect(Array(contents[versionLength..<(versionLength + 64)]) == modernScalarRecord)
        let second = try events(of: writer)[2]
        #expect(second.summary?.values == [Summary.Value(tag: "loss", kind: .tensor(.scalar(0.125)))])
    }

    /// Scalars are written by `ProtoWriter.writeScalarEvent`, which builds no messages: whatever the tag's length
    /// and whichever tags came before it, each record holds exactly the bytes `Event.encode` gives.
    @Test(arguments: [SummaryWriter.ScalarEncoding.tensor, .simpleValue])
    func writesScalarsAsTheGeneralEncoderDoesForEveryTagLength(encoding: SummaryWriter.ScalarEncoding) throws {
        let writer = try SummaryWriter(
            runDirectory: directory.path + "/lengths-\(encoding)",
            options: .init(scalarEncoding: encoding)
        )
        // (An empty tag is left out: the writer stores its field, `0a 00`, where protobuf's encoder omits it.)
        let lengths = Array(1...34) + [126, 127, 128, 129, 300]
        // Then tags of two- and three-byte characters: one small string, one just over a small string's 15 bytes.
        let tags =
            lengths.map { length in String((0..<length).map { Character(UnicodeScalar(97 + $0 % 26)!) }) }
            + ["é", "损失/训练/ü", String(repeating: "ü", count: 20)]
        var expected: [[UInt8]] = []
        for (round, step) in [Int64(0), 1, 127, 128, -1, .max].enumerated() {
            for (index, tag) in tags.enumerated() {
                let value = Float(index) - 0.5
                try writer.scalar(tag, value, step: step, wallTime: 1_700_000_000.25)
                var summaryValue = Summary.Value(
                    tag: tag,
                    kind: encoding == .tensor ? .tensor(.scalar(value)) : .simpleValue(value)
                )
                if encoding == .tensor, round == 0 { summaryValue.metadata = .scalars }
                let event = Event(
                    wallTime: 1_700_000_000.25,
                    step: step,
                    content: .summary(Summary(values: [summaryValue]))
                )
                expected.append(TFRecordFrame.framed(event.serializedBytes()))
            }
        }
        try writer.close()
        let contents = try [UInt8](Data(contentsOf: URL(fileURLWithPath: writer.filePath)))
        var offset = Int(contents[0]) + 16
        for (index, record) in expected.enumerated() {
            let written = Array(contents[offset..<min(contents.count, offset + record.count)])
            #expect(written == record, "record \(index): tag of \(tags[index % tags.count].utf8.count) bytes")
            offset += record.count
        }
        #expect(offset == contents.count)
    }

    /// A step's scalars in one call: the records of one `scalar` call per value, in the order given, all with the
    /// step and the one wall time.
    @Test func writesAStepsScalarsInOneCallAsOneCallEachWould() throws {
        let batched = try SummaryWriter(runDirectory: directory.path + "/batched")
        let single = try SummaryWriter(runDirectory: directory.path + "/single")
        let values: KeyValuePairs<String, Double> = ["loss": 0.5, "accuracy": 0.875, "loss/ü": 1e-3]
        for step in Int64(0)..<3 {
            try batched.scalars(values, step: step, wallTime: 1_700_000_000 + Double(step))
            for (tag, value) in values {
                try single.scalar(tag, value, step: step, wallTime: 1_700_000_000 + Double(step))
            }
        }
        try batched.close()
        try single.close()
        #expect(try events(of: batched).dropFirst() == events(of: single).dropFirst())
        #expect(try events(of: batched).count == 10)
    }

    @Test func writesEveryValueOfADictionaryAtTheStep() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/dictionary")
        let values = ["a": 1.0, "b": 2.0, "c": 3.0, "d": 4.0]
        try writer.scalars(values, step: 7)
        try writer.close()
        let written = try events(of: writer).dropFirst()
        #expect(written.allSatisfy { $0.step == 7 })
        #expect(Set(written.compactMap { $0.summary?.values.first?.tag }) == Set(values.keys))
        #expect(Set(written.map(\.wallTime)).count == 1)
    }

    @Test func writesLegacySimpleValues() throws {
        let writer = try SummaryWriter(
            runDirectory: directory.path + "/legacy",
            options: .init(scalarEncoding: .simpleValue)
        )
        try writer.scalar("loss", Float(0.5), step: 1, wallTime: 1_700_000_001.5)
        try writer.close()
        let contents = try [UInt8](Data(contentsOf: URL(fileURLWithPath: writer.filePath)))
        #expect(Array(contents.suffix(42)) == legacyScalarRecord)
    }

    @Test func keepsEverySpecialFloatAndStepExactly() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/special")
        let values: [Float] = [
            .nan, .infinity, -.infinity, -0.0, 0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1,
        ]
        let steps: [Int64] = [0, -1, Int64.min, Int64.max, 1 << 40, 127, 128, 5]
        for (value, step) in zip(values, steps) {
            try writer.scalar("", value, step: step, wallTime: 0.5)
        }
        try writer.close()
        let points = try events(of: writer).dropFirst().map { event -> (Int64, UInt32) in
            guard case .tensor(let tensor) = event.summary?.values.first?.kind else { return (0, 0) }
            return (event.step, tensor.floatValues.first?.bitPattern ?? 0)
        }
        #expect(points.map(\.0) == steps)
        #expect(points.map(\.1) == values.map(\.bitPattern))
    }

    @Test func attachesMetadataToEachTagsFirstValueOnly() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/metadata")
        for step in 0..<3 {
            try writer.scalar("a", Float(step), step: Int64(step))
            try writer.scalar("b", Float(step), step: Int64(step))
        }
        try writer.text("a", "same tag, other kind", step: 0)
        try writer.close()
        let described = try events(of: writer).compactMap { $0.summary?.values.first }.map {
            ($0.tag, $0.metadata != nil)
        }
        #expect(described.map(\.1) == [true, true, false, false, false, false, false])
    }

    @Test func writesTextAsRankZeroStringTensor() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/text")
        try writer.text("notes", "**bold** é", step: 7)
        try writer.close()
        let value = try #require(try events(of: writer).last?.summary?.values.first)
        #expect(value.metadata == .text)
        #expect(value.kind == .tensor(.strings([Array("**bold** é".utf8)], shape: [])))
    }

    @Test func writesHistogramsAsDoubleTensorsOfBuckets() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/histograms")
        try writer.histogram("w", values: [0.0, 0.25, 1.0], step: 1, bucketCount: 2)
        try writer.close()
        let value = try #require(try events(of: writer).last?.summary?.values.first)
        #expect(value.metadata == .histograms)
        guard case .tensor(let tensor) = value.kind else {
            Issue.record("expected a tensor")
            return
        }
        #expect(tensor.dataType == .double)
        #expect(tensor.shape?.sizes == [2, 3])
        let doubles = stride(from: 0, to: tensor.tensorContent.count, by: 8).map { offset in
            tensor.tensorContent[offset..<(offset + 8)].withUnsafeBytes {
                Double(bitPattern: UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)))
            }
        }
        #expect(doubles == [0, 0.5, 2, 0.5, 1, 1])
    }

    @Test func writesImagesAsPNGWithWidthFirst() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/images")
        let image = try PixelImage(width: 3, height: 2, format: .rgb, pixels: Array(0..<18))
        try writer.image("sample", image, step: 0)
        try writer.close()
        let value = try #require(try events(of: writer).last?.summary?.values.first)
        #expect(value.metadata == .images)
        guard case .tensor(let tensor) = value.kind else {
            Issue.record("expected a tensor")
            return
        }
        #expect(tensor.dataType == .string)
        #expect(tensor.shape?.sizes == [3])
        #expect(tensor.stringValues.prefix(2) == [Array("3".utf8), Array("2".utf8)])
        #expect(tensor.stringValues.last == (try PNGEncoder.encode(image)))
    }

    @Test func writesHParamsExperimentAndSessionInfo() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/hparams")
        try writer.hparams(
            ["lr": 0.1, "optimizer": "adam", "augment": true],
            metrics: [.init(group: "validation", tag: "epoch_accuracy")],
            wallTime: 100
        )
        try writer.hparamsEnd(wallTime: 200)
        try writer.close()
        let values = try events(of: writer).compactMap { $0.summary?.values.first }
        #expect(
            values.map(\.tag) == ["_hparams_/experiment", "_hparams_/session_start_info", "_hparams_/session_end_info"]
        )
        let contents = try values.map { try HParamsPluginData(serializedBytes: $0.metadata?.pluginData?.content ?? []) }
        guard case .experiment(let experiment) = contents[0].data, case .sessionStartInfo(let start) = contents[1].data,
            case .sessionEndInfo(let end) = contents[2].data
        else {
            Issue.record("unexpected contents \(contents)")
            return
        }
        #expect(experiment.hparamInfos.map(\.name) == ["augment", "lr", "optimizer"])
        #expect(experiment.hparamInfos.map(\.type) == [2, 3, 1])
        #expect(experiment.metricInfos == [.init(group: "validation", tag: "epoch_accuracy")])
        #expect(start.hparams == ["lr": .number(0.1), "optimizer": .string("adam"), "augment": .bool(true)])
        #expect(start.startTimeSeconds == 100)
        #expect(end == HParamsPluginData.SessionEndInfo(status: .success, endTimeSeconds: 200))
        #expect(values.allSatisfy { $0.kind == .tensor(TensorProto(dataType: .float, shape: TensorShapeProto([0]))) })
    }

    @Test func resumeWritesTwoRestartMarkersAtTheResumeStep() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/resume", options: .init(resumeStep: 100))
        try writer.close()
        let all = try events(of: writer)
        #expect(all.count == 3)
        #expect(all.dropFirst().map(\.step) == [100, 100])
        #expect(all.dropFirst().map(\.sessionLog) == [SessionLog(status: .start), SessionLog(status: .start)])
    }

    @Test func flushesWaitingRecordsByItselfWithinTheFlushInterval() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/interval", options: .init(flushInterval: 0.2))
        try writer.scalar("a", Float(1), step: 0)
        #expect(try readAll(writer.filePath).events.count == 1)  // the file-version event; the scalar waits
        // No further write: the background timer must flush the scalar by itself (waiting up to 5 s, a wide
        // margin over the 0.2 s interval on a loaded machine).
        var seen = 1
        for _ in 0..<250 where seen < 2 {
            usleep(20_000)
            seen = try readAll(writer.filePath).events.count
        }
        #expect(seen == 2)
        try writer.close()
    }

    @Test func aWriteAfterTheFlushIntervalFlushesWithoutTheTimer() throws {
        // A flush interval of 0 flushes on every write (and starts no timer), so the scalar is in the file at once.
        let writer = try SummaryWriter(runDirectory: directory.path + "/every", options: .init(flushInterval: 0))
        try writer.scalar("a", Float(1), step: 0)
        #expect(try readAll(writer.filePath).events.count == 2)
        try writer.close()
    }

    @Test func aFlushIsDueOnceTheIntervalHasPassedOrTheClockWasSetBack() {
        #expect(!SummaryWriter.isFlushDue(101.9, 100, 2))
        #expect(SummaryWriter.isFlushDue(102, 100, 2))
        #expect(SummaryWriter.isFlushDue(99.5, 100, 2))  // set back: flush, and the interval starts again
        #expect(SummaryWriter.isFlushDue(100, 100, 0))
    }

    @Test func writingAfterCloseThrowsClosed() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/closed")
        try writer.close()
        try writer.close()
        #expect(throws: EventFileError(.closed, path: writer.filePath)) {
            try writer.scalar("x", Float(1), step: 0)
        }
    }

    @Test func manyTasksWritingAtOnceNeverInterleaveOrLoseRecords() async throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/concurrent", options: .init(bufferSize: 4096))
        let tasks = 8
        let perTask = 2_000
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    for index in 0..<perTask {
                        try writer.scalar("task\(task)", Float(index), step: Int64(index))
                    }
                }
            }
            try await group.waitForAll()
        }
        try writer.close()
        var seen: [String: [Int64]] = [:]
        for event in try events(of: writer).dropFirst() {
            let value = try #require(event.summary?.values.first)
            guard case .tensor(let tensor) = value.kind else { continue }
            #expect(tensor.floatValues == [Float(event.step)])
            seen[value.tag, default: []].append(event.step)
        }
        #expect(seen.count == tasks)
        for steps in seen.values { #expect(steps == (0..<Int64(perTask)).map { $0 }) }
    }

    @Test func missingParentIsCreatedAndAFileInTheWayIsAnError() throws {
        let blocker = directory.path + "/blocker"
        #expect(writeFile([UInt8](), to: blocker))
        #expect(throws: EventFileError(.openFailed(errno: ENOTDIR), path: blocker + "/run")) {
            _ = try SummaryWriter(runDirectory: blocker + "/run")
        }
    }
}

@Suite struct PNGEncoderTests {
    @Test func encodesAValidPNGWhoseRowsDecompressBack() throws {
        let image = try PixelImage(width: 2, height: 2, format: .rgba, pixels: Array(0..<16))
        let png = try PNGEncoder.encode(image)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: length 13, "IHDR", width 2, height 2, depth 8, colour type 6.
        #expect(Array(png[8..<33].prefix(21)) == [0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 2, 0, 0, 0, 2, 8, 6, 0, 0, 0])
        let idatLength = Int(png[33]) << 24 | Int(png[34]) << 16 | Int(png[35]) << 8 | Int(png[36])
        let idat = Array(png[41..<(41 + idatLength)])
        var rows = [UInt8](repeating: 0, count: 18)
        var rowsLength = uLongf(rows.count)
        #expect(uncompress(&rows, &rowsLength, idat, uLong(idat.count)) == Z_OK)
        #expect(rows == [0] + Array(0..<8) + [0] + Array(8..<16))
        #expect(Array(png.suffix(12)) == [0, 0, 0, 0, 73, 69, 78, 68, 0xAE, 0x42, 0x60, 0x82])
    }

    @Test func rejectsPixelCountsThatDoNotMatch() {
        #expect(throws: PixelImage.Error.pixelCountMismatch(expected: 12, received: 11)) {
            _ = try PixelImage(width: 2, height: 2, format: .rgb, pixels: Array(repeating: 0, count: 11))
        }
        #expect(throws: PixelImage.Error.invalidSize(width: 0, height: 2)) {
            _ = try PixelImage(width: 0, height: 2, format: .gray, pixels: [])
        }
    }
}

@Suite struct HistogramBucketsTests {
    @Test func bucketsAsTensorBoardDoes() {
        let buckets = HistogramBuckets.make(values: [0.0, 1, 2, 3, 10], bucketCount: 4)
        #expect(
            buckets == [
                HistogramBucket(leftEdge: 0, rightEdge: 2.5, count: 3),
                HistogramBucket(leftEdge: 2.5, rightEdge: 5, count: 1),
                HistogramBucket(leftEdge: 5, rightEdge: 7.5, count: 0),
                HistogramBucket(leftEdge: 7.5, rightEdge: 10, count: 1),
            ]
        )
    }

    @Test func handlesEmptyAndSingleValuedData() {
        #expect(
            HistogramBuckets.make(values: [Double](), bucketCount: 3)
                == Array(repeating: .init(leftEdge: 0, rightEdge: 0, count: 0), count: 3)
        )
        #expect(
            HistogramBuckets.make(values: [2.0, 2, 2], bucketCount: 3) == [
                .init(leftEdge: 2, rightEdge: 2, count: 0), .init(leftEdge: 2, rightEdge: 2, count: 0),
                .init(leftEdge: 2, rightEdge: 2, count: 3),
            ]
        )
        #expect(HistogramBuckets.make(values: [1.0, 2], bucketCount: 0).isEmpty)
        #expect(
            HistogramBuckets.make(values: [Double.nan, 1, .infinity, 2], bucketCount: 1) == [
                .init(leftEdge: 1, rightEdge: 2, count: 2)
            ]
        )
    }
}
