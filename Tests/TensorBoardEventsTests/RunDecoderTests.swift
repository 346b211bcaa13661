import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

/// Decodes `events` (encoded here) with a fresh decoder and returns the points.
private func decode(
    _ events: [Event],
    filter: RunDecoder.Filter = .all
) throws -> (points: [DataPoint], decoder: RunDecoder) {
    var decoder = RunDecoder(filter: filter)
    var points: [DataPoint] = []
    for event in events {
        let bytes = event.serializedBytes()
        _ = try bytes.withUnsafeBytes { payload in
            try decoder.decode(payload) { points.append($0) }
        }
    }
    return (points, decoder)
}

private func summaryEvent(step: Int64, _ values: Summary.Value...) -> Event {
    Event(wallTime: 10, step: step, content: .summary(Summary(values: values)))
}

@Suite struct RunDecoderTests {
    @Test func decodesModernAndLegacyScalars() throws {
        let (points, decoder) = try decode([
            Event(wallTime: 1, content: .fileVersion("brain.Event:2")),
            summaryEvent(step: 1, Summary.Value(tag: "modern", kind: .tensor(.scalar(0.5)), metadata: .scalars)),
            summaryEvent(step: 1, Summary.Value(tag: "legacy", kind: .simpleValue(-1))),
            summaryEvent(step: 2, Summary.Value(tag: "modern", kind: .tensor(.scalar(0.25)))),
        ])
        #expect(points.map(\.tag) == ["modern", "legacy", "modern"])
        #expect(points.map(\.value) == [.scalar(0.5), .scalar(-1), .scalar(0.25)])
        #expect(decoder.fileVersion == "brain.Event:2")
        #expect(decoder.series.map(\.kind) == [.scalar, .scalar])
        #expect(decoder.series.map(\.pluginName) == ["scalars", "scalars"])
    }

    @Test func classifiesSeriesByTheirFirstMetadataAndLegacyKind() throws {
        let image = Summary.Image(width: 2, height: 1, colorspace: 3, encodedImage: [1, 2, 3])
        let histogram = HistogramProto(
            min: -1,
            max: 3,
            count: 4,
            bucketLimits: [0, 1, 2, 3],
            bucketCounts: [0, 1, 3, 0]
        )
        let (points, decoder) = try decode([
            summaryEvent(step: 0, Summary.Value(tag: "img", kind: .image(image), metadata: .text)),  // legacy wins
            summaryEvent(step: 0, Summary.Value(tag: "h", kind: .histogram(histogram))),
            summaryEvent(
                step: 0,
                Summary.Value(tag: "t", kind: .tensor(.strings([Array("hi".utf8)], shape: [])), metadata: .text)
            ),
            summaryEvent(
                step: 0,
                Summary.Value(tag: "other", kind: .tensor(.scalar(1)), metadata: SummaryMetadata(pluginName: "custom"))
            ),
            summaryEvent(step: 0, Summary.Value(tag: "bare", kind: .tensor(.scalar(1)))),
        ])
        // A tensor without metadata is a plain tensor series with no plugin, as TensorBoard's Python loader keeps it.
        #expect(decoder.series.map(\.kind) == [.image, .histogram, .text, .tensor, .tensor])
        #expect(decoder.series.map(\.pluginName) == ["images", "histograms", "text", "custom", ""])
        #expect(
            points.map(\.value) == [
                .images(ImageSample(width: 2, height: 1, images: [[1, 2, 3]])),
                // Empty buckets at both ends dropped; min and max as the outer edges (TensorBoard's conversion).
                .histogram([
                    HistogramBucket(leftEdge: -1, rightEdge: 1, count: 1),
                    HistogramBucket(leftEdge: 1, rightEdge: 3, count: 3),
                ]),
                .text(["hi"], shape: []),
                .tensor(.scalar(1)),
                .tensor(.scalar(1)),
            ]
        )
    }

    @Test func aTensorSeriesWithoutMetadataTakesTheKindOfTheFirstMetadataThatArrives() throws {
        let (points, decoder) = try decode([
            summaryEvent(step: 1, Summary.Value(tag: "late", kind: .tensor(.scalar(1)))),
            summaryEvent(step: 2, Summary.Value(tag: "late", kind: .tensor(.scalar(2)), metadata: .scalars)),
            summaryEvent(step: 3, Summary.Value(tag: "late", kind: .tensor(.scalar(3)), metadata: .text)),
        ])
        #expect(decoder.series.map(\.kind) == [.scalar])
        #expect(points.map(\.value) == [.tensor(.scalar(1)), .scalar(2), .scalar(3)])
    }

    @Test func skipsSeriesTheFilterDoesNotAskFor() throws {
        let filter = RunDecoder.Filter(kinds: [.scalar], includesTag: { $0.hasPrefix("keep") })
        let (points, decoder) = try decode(
            [
                summaryEvent(
                    step: 3,
                    Summary.Value(tag: "keep/a", kind: .simpleValue(1)),
                    Summary.Value(tag: "drop/b", kind: .simpleValue(2)),
                    Summary.Value(tag: "keep/text", kind: .tensor(.strings([[0x41]], shape: [])), metadata: .text)
                )
            ],
            filter: filter
        )
        #expect(points == [DataPoint(tag: "keep/a", step: 3, wallTime: 10, value: .scalar(1))])
        #expect(decoder.series.count == 3)
    }

    @Test func decodesHParamsFromEachValuesMetadata() throws {
        let start = HParamsPluginData(
            data: .sessionStartInfo(HParamsPluginData.SessionStartInfo(hparams: ["lr": .number(0.1)]))
        )
        let (points, _) = try decode([
            summaryEvent(
                step: 0,
                Summary.Value(
                    tag: HParamsPluginData.sessionStartInfoTag,
                    kind: .tensor(TensorProto(dataType: .float, shape: TensorShapeProto([0]))),
                    metadata: .hparams(start)
                )
            )
        ])
        #expect(points.map(\.value) == [.hparams(start)])
    }

    @Test func reportsWhatEachEventCarried() throws {
        var decoder = RunDecoder()
        let events = [
            Event(wallTime: 1, content: .fileVersion("brain.Event:2")),
            Event(wallTime: 2, step: 7, content: .sessionLog(SessionLog(status: .start))),
            summaryEvent(
                step: 3,
                Summary.Value(tag: "a", kind: .simpleValue(1)),
                Summary.Value(tag: "b", kind: .simpleValue(2))
            ),
            Event(wallTime: 4, content: .graphDef([1, 2])),
        ]
        let headers = try events.map { event in
            try event.serializedBytes().withUnsafeBytes { try decoder.decode($0) { _ in } }
        }
        #expect(
            headers.map(\.content) == [
                .fileVersion(number: 2), .sessionLog(.start), .summary(valueCount: 2), .graphDef,
            ]
        )
        #expect(headers.map(\.step) == [0, 7, 3, 0])
    }

    @Test(
        arguments: [
            ("brain.Event:2", 2.0), ("brain.Event: 1 ", 1), ("brain.Event:1brain.Event:3", 3), ("2.5", 2.5),
            ("brain.Event:", nil), ("brain.Event:two", nil), ("", nil),
        ] as [(String, Double?)]
    )
    func readsTheFileVersionNumberAsThePythonLoaderDoes(version: String, number: Double?) throws {
        var decoder = RunDecoder()
        let header = try Event(wallTime: 1, content: .fileVersion(version)).serializedBytes().withUnsafeBytes {
            try decoder.decode($0) { _ in }
        }
        #expect(header.content == .fileVersion(number: number))
        #expect(decoder.fileVersion == version)
    }

    @Test func mergesRepeatedSummaryFields() throws {
        // Two summary fields in one event merge, as protobuf does.
        let bytes = bytes("10 01 2a 0a 0a 08 0a 01 61 15 00 00 80 3f 2a 0a 0a 08 0a 01 62 15 00 00 00 40")
        var decoder = RunDecoder()
        var points: [DataPoint] = []
        _ = try bytes.withUnsafeBytes { try decoder.decode($0) { points.append($0) } }
        #expect(points.map(\.tag) == ["a", "b"])
    }

    @Test func malformedNestedValueIsAnError() {
        // A summary whose value claims more bytes than it has.
        let bytes = bytes("2a 04 0a 09 0a 01")
        var decoder = RunDecoder()
        #expect(throws: WireDecodingError.truncated(offset: 3)) {
            _ = try bytes.withUnsafeBytes { try decoder.decode($0) { _ in } }
        }
    }
}

@Suite struct LogdirTests {
    let directory = TemporaryDirectory()

    private func touch(_ relative: String) {
        let path = directory.path + "/" + relative
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        #expect(writeFile([UInt8](), to: path))
    }

    @Test func findsRunsAsTensorBoardDoes() throws {
        touch("events.out.tfevents.2.host")
        touch("events.out.tfevents.1.host")
        touch("train/events.out.tfevents.1.host.v2")
        touch("train/notes.txt")
        touch("a/b/c/x.tfevents.y")
        touch("empty/profile.tfevents.profile-empty")
        touch("nothing/here.txt")
        let (runs, problems) = try Logdir.discoverRuns(in: directory.path)
        #expect(problems.isEmpty)
        #expect(runs.map(\.name) == [".", "a/b/c", "train"])
        #expect(
            runs[0].files == [
                directory.path + "/events.out.tfevents.1.host", directory.path + "/events.out.tfevents.2.host",
            ]
        )
    }

    @Test func followsSymlinksButNeverLoops() throws {
        touch("real/events.out.tfevents.1.h")
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/linked",
            withDestinationPath: directory.path + "/real"
        )
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/real/loop",
            withDestinationPath: directory.path
        )
        let (runs, problems) = try Logdir.discoverRuns(in: directory.path)
        // The directory that both the tree and a link lead to is read once, under its own name.
        #expect(runs.map(\.name) == ["real"])
        #expect(problems.map(\.code) == [.alreadyWalked(firstPath: directory.path + "/real"), .symlinkLoop])
        #expect(problems.map(\.path) == [directory.path + "/linked", directory.path + "/real/loop"])
    }

    @Test func followsSymlinksOutsideTheLogdirAsTensorBoardDoesWithoutLooping() throws {
        // TensorBoard's default loader follows links wherever they lead; a link from outside back into the
        // log directory is a loop and is walked once.
        let outside = TemporaryDirectory()
        #expect(writeFile([], to: outside.path + "/events.out.tfevents.2.h"))
        try FileManager.default.createSymbolicLink(atPath: outside.path + "/back", withDestinationPath: directory.path)
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/external",
            withDestinationPath: outside.path
        )
        touch("own/events.out.tfevents.1.h")
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/own/events.out.tfevents.3.h",
            withDestinationPath: outside.path + "/events.out.tfevents.2.h"
        )
        let (runs, problems) = try Logdir.discoverRuns(in: directory.path)
        #expect(runs.map(\.name) == ["external", "own"])
        #expect(
            runs.last?.files.map { ($0 as NSString).lastPathComponent } == [
                "events.out.tfevents.1.h", "events.out.tfevents.3.h",
            ]
        )
        #expect(problems == [LogdirError(.symlinkLoop, path: directory.path + "/external/back")])
    }

    @Test func acceptsASingleFileAndRejectsAMissingPath() throws {
        touch("run/events.out.tfevents.1.h")
        let file = directory.path + "/run/events.out.tfevents.1.h"
        #expect(
            try Logdir.discoverRuns(in: file).runs == [
                Run(name: ".", directory: directory.path + "/run", files: [file])
            ]
        )
        #expect(throws: LogdirError(.notADirectory(errno: ENOENT), path: directory.path + "/missing")) {
            _ = try Logdir.discoverRuns(in: directory.path + "/missing")
        }
    }

    /// Runs discovery of the temporary directory as the unprivileged user `nobody` in a child process (root
    /// reads every directory): its exit status and what it printed.
    private func discoverAsNobody() throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = [
            "--reuid=65534", "--regid=65534", "--clear-groups", try testTool(), "discover", directory.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func reportsAnUnreadableDirectoryAndGoesOn() throws {
        touch("ok/events.out.tfevents.1.h")
        touch("locked/events.out.tfevents.1.h")
        chmod(directory.path + "/locked", 0)
        defer { chmod(directory.path + "/locked", 0o755) }
        guard getuid() == 0 else {
            let (runs, problems) = try Logdir.discoverRuns(in: directory.path)
            #expect(runs.map(\.name) == ["ok"])
            #expect(problems.map(\.code) == [.unreadableDirectory(errno: EACCES)])
            return
        }
        // Root reads every directory: discover as the unprivileged user `nobody` in a child process instead.
        let (status, output) = try discoverAsNobody()
        #expect(status == 0)
        #expect(output == "run ok\nproblem unreadableDirectory(errno: \(EACCES))\n")
    }

    @Test func reportsADirectoryThatCanBeListedButNotEntered() throws {
        touch("ok/events.out.tfevents.1.h")
        touch("peek/sub/events.out.tfevents.1.h")
        chmod(directory.path + "/peek", 0o444)  // listed, but its entries cannot be examined
        defer { chmod(directory.path + "/peek", 0o755) }
        let expected = "run ok\nproblem unexaminableEntry(errno: \(EACCES))\n"
        guard getuid() == 0 else {
            let (runs, problems) = try Logdir.discoverRuns(in: directory.path)
            #expect(runs.map(\.name) == ["ok"])
            #expect(problems.map(\.code) == [.unexaminableEntry(errno: EACCES)])
            return
        }
        let (status, output) = try discoverAsNobody()
        #expect(status == 0)
        #expect(output == expected)
    }

    @Test func dropsHistogramTensorsWithHostileShapesWithoutTrapping() throws {
        // Shapes whose element counts overflow, or that one element would fill with terabytes: each value is
        // dropped (as TensorBoard drops values that do not fit their kind) and the series stays a histogram.
        var overflowing = TensorProto(dataType: .double, shape: TensorShapeProto([1 << 60, 3]))
        overflowing.tensorContent = [UInt8](repeating: 0, count: 24)
        var filled = TensorProto(dataType: .double, shape: TensorShapeProto([1 << 35, 3]))
        filled.doubleValues = [1]
        var rowsOverflow = TensorProto(dataType: .double, shape: TensorShapeProto([1 << 62, 3]))
        rowsOverflow.doubleValues = [1, 2, 3]
        var good = TensorProto(dataType: .double, shape: TensorShapeProto([1, 3]))
        good.doubleValues = [0, 1, 5]
        let histograms = SummaryMetadata(pluginName: "histograms")
        let (points, decoder) = try decode(
            [overflowing, filled, rowsOverflow, good].enumerated().map { step, tensor in
                summaryEvent(step: Int64(step), Summary.Value(tag: "h", kind: .tensor(tensor), metadata: histograms))
            }
        )
        #expect(decoder.series.map(\.kind) == [.histogram])
        #expect(points.map(\.step) == [3])
        #expect(points.map(\.value) == [.histogram([HistogramBucket(leftEdge: 0, rightEdge: 1, count: 5)])])
    }
}
