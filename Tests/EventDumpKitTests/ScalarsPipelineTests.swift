import Foundation
import TensorBoardEvents
import TestSupport
import Testing

@testable import EventDumpKit

// eventdump scalars streams restart purging in two passes (a purge plan, then the kept points): it must keep
// exactly the points that Logdir.read, which holds a run's points and purges them as they arrive, keeps. CSV and
// TSV rows are read on one thread and written on the other, which the reading thread helps (making the numbers'
// texts) when it falls behind: the rows must be the same whoever made them.

@Suite struct StreamedPurgingTests {
    let directory = TemporaryDirectory()

    /// The kept points (tag, step, value) and the purged count of every run, streamed in two passes.
    private func streamedPoints(_ logdir: String) throws -> (points: [String], purged: Int, errors: String) {
        let errors = StringSink()
        let context = CommandContext(output: StringSink(), errors: errors)
        let parsed = try ArgumentList(
            [logdir],
            valueOptions: CommonOptions.valueOptions,
            flagOptions: CommonOptions.flagOptions
        )
        let scan = LogScan(logdir: logdir, options: try CommonOptions(parsed, defaultFormat: .csv), context: context)
        var points: [String] = []
        var purged = 0
        for run in try scan.runs() {
            purged += try scan.forEachScalarPoint(of: run) { point, tag in
                points.append("\(run.name) \(tag) \(point.step) \(point.value)")
            }
        }
        return (points, purged, errors.text)
    }

    /// A run of several files with everything that purges or breaks a record: steps going back, repeated
    /// steps, SessionLog STARTs, several values an event, other kinds of summary, a damaged record.
    private func writeUnrulyRun(_ path: String, seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for file in 0..<3 {
            var writer = try EventFileWriter(creating: path + "/events.out.tfevents.\(file).host")
            let version = Bool.random(using: &random) ? "brain.Event:2" : "brain.Event:1"
            try writer.append(Event(wallTime: 1, content: .fileVersion(version)))
            var step: Int64 = 0
            for _ in 0..<Int.random(in: 200...600, using: &random) {
                switch Int.random(in: 0..<100, using: &random) {
                case 0..<4: step -= Int64.random(in: 1...20, using: &random)
                case 4..<8: break  // the same step again
                default: step += 1
                }
                let event: Event
                switch Int.random(in: 0..<50, using: &random) {
                case 0:
                    event = Event(wallTime: 2, step: step, content: .sessionLog(SessionLog(status: .start)))
                case 1:
                    let values = (0..<3).map { tag in
                        Summary.Value(tag: "multi\(tag)", kind: .simpleValue(Float(step) + Float(tag)))
                    }
                    event = Event(wallTime: 2, step: step, content: .summary(Summary(values: values)))
                case 2:
                    let histogram = HistogramProto(
                        min: 0,
                        max: 1,
                        count: 1,
                        sum: 1,
                        sumOfSquares: 1,
                        bucketLimits: [1],
                        bucketCounts: [1]
                    )
                    let value = Summary.Value(tag: "weights", kind: .histogram(histogram))
                    event = Event(wallTime: 2, step: step, content: .summary(Summary(values: [value])))
                default:
                    let tag = "tag\(Int.random(in: 0..<5, using: &random))"
                    let value = Summary.Value(tag: tag, kind: .simpleValue(Float(step) * 0.5), metadata: nil)
                    event = Event(wallTime: 2, step: step, content: .summary(Summary(values: [value])))
                }
                try writer.append(event)
            }
            try writer.close()
        }
        // Flip a payload byte of one record in the middle file: its checksum no longer matches.
        let damaged = path + "/events.out.tfevents.1.host"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: damaged)))
        let frames = recordFrames(bytes)
        let target = frames[frames.count / 2]
        bytes[target.offset + 12 + target.length / 2] ^= 0x40
        #expect(writeFile(bytes, to: damaged))
    }

    /// The kept points of every run as `Logdir.read` gives them (in reading order) and how many it purged.
    private func heldPoints(_ logdir: String) throws -> (points: [String], purged: Int) {
        let log = try Logdir.read(logdir, filter: RunDecoder.Filter(kinds: [.scalar]))
        var points: [(order: Int, text: String)] = []
        for run in log.runs {
            for tag in run.tags {
                for point in run.points(tag) {
                    points.append((0, "\(run.name) \(tag) \(point.step) \(point.value.scalar ?? .nan)"))
                }
            }
        }
        return (points.map(\.text), log.runs.reduce(0) { $0 + $1.points.purgedCount })
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func keepsThePointsThatHoldingTheRunKeeps(seed: UInt64) throws {
        let logdir = directory.path + "/logs\(seed)"
        try writeUnrulyRun(logdir + "/a", seed: seed)
        try writeUnrulyRun(logdir + "/b", seed: seed &* 31)
        let streamed = try streamedPoints(logdir)
        let held = try heldPoints(logdir)
        #expect(streamed.points.sorted() == held.points.sorted())
        #expect(streamed.purged == held.purged)
        #expect(streamed.purged > 0)  // the runs do purge: the two had something to agree on
        #expect(streamed.errors.contains("payload checksum mismatch"))
    }

    @Test func aLargeRunIsPurgedThroughTheCommand() throws {
        // Over 1 MiB of events, then a restart.
        let run = directory.path + "/large/run"
        let first = (0..<30_000).map { Float($0) }
        try writeRestartedRun(run, tag: "loss", first: first, resumeStep: 29_990, second: [-1, -2])
        let size = try FileManager.default.contentsOfDirectory(atPath: run).reduce(0) { total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: run + "/" + name)[.size] as? Int) ?? 0)
        }
        try #require(size > 1 << 20)
        let shown = eventdump("scalars", directory.path + "/large", "--format", "csv")
        let lines = shown.output.split(separator: "\n")
        #expect(lines.count == 1 + 29_990 + 2)
        #expect(lines.last == "run,loss,29991,31991.0,-2.0")
        #expect(shown.errors.contains("run run: 10 points dropped as TensorBoard drops them after a restart"))
    }
}

@Suite struct CSVPipelineTests {
    let directory = TemporaryDirectory()

    @Test(arguments: [["--format", "csv"], ["--format", "tsv", "--keep-all"]])
    func rowsAreTheSameWhenTheReadingThreadHelpsASlowOutput(options: [String]) throws {
        let run = directory.path + "/logs/run"
        let writer = try SummaryWriter(runDirectory: run)
        var random = SplitMix64(seed: 7)
        for step in 0..<12_000 {
            for tag in ["loss", "accuracy", "lr"] {
                let value = Float(bitPattern: UInt32(truncatingIfNeeded: random.next()))
                try writer.scalar(tag, value, step: Int64(step), wallTime: 1.7e9 + Double(step) * 0.123)
            }
        }
        try writer.close()
        let arguments = ["scalars", directory.path + "/logs"] + options
        let quick = eventdump(arguments)
        #expect(quick.status == 0)
        // Every write of the output (64 KiB of rows) takes 20 ms, so that batches pile up between the threads and
        // the reading thread makes the numbers' texts.
        let slow = FailingSink(failingWith: 0, after: .max, writeDelay: 0.02)
        let errors = StringSink()
        let status = EventDump.run(arguments, output: slow, errors: errors)
        #expect(status == 0)
        #expect(errors.text == quick.errors)
        #expect(slow.text.split(separator: "\n").count == 1 + 36_000)
        #expect(slow.text == quick.output)
    }
}
