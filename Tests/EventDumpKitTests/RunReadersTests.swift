import Foundation
import TensorBoardEvents
import TestSupport
import Testing

@testable import EventDumpKit

// The commands read runs on several threads (RunReaders) and print them in run order: the output must be what
// reading the runs one after another prints, diagnostics in their places; a reader ahead must wait (memory stays
// bounded); an error must stop every reader, after the pieces read before it.

@Suite struct RunReadersTests {
    let directory = TemporaryDirectory()

    private func scan(_ errors: StringSink = StringSink()) throws -> LogScan {
        let context = CommandContext(output: StringSink(), errors: errors)
        let parsed = try ArgumentList(
            [directory.path],
            valueOptions: CommonOptions.valueOptions,
            flagOptions: CommonOptions.flagOptions
        )
        return LogScan(
            logdir: directory.path,
            options: try CommonOptions(parsed, defaultFormat: .csv),
            context: context
        )
    }

    private func runs(_ count: Int) -> [Run] {
        (0..<count).map { Run(name: "run\($0)", directory: directory.path + "/run\($0)", files: []) }
    }

    /// Records the most pieces emitted and not yet consumed, and how many reads are under way.
    private final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var outstanding = 0
        private(set) var mostOutstanding = 0
        private(set) var reading = 0

        func emitted() {
            lock.withLock {
                outstanding += 1
                mostOutstanding = max(mostOutstanding, outstanding)
            }
        }
        func consumed() { lock.withLock { outstanding -= 1 } }
        func started() { lock.withLock { reading += 1 } }
        func finished() { lock.withLock { reading -= 1 } }
        var readingNow: Int { lock.withLock { reading } }
    }

    @Test(arguments: [1, 2, 3, 7])
    func piecesAndDiagnosticsArriveInRunOrderWhateverEachReadersPace(runCount: Int) throws {
        let errors = StringSink()
        let scan = try scan(errors)
        var consumed: [String] = []
        var linesSeen = 0
        func takeErrorLines() {
            let lines = errors.text.split(separator: "\n").map(String.init)
            consumed.append(contentsOf: lines.dropFirst(linesSeen))
            linesSeen = lines.count
        }
        try RunReaders.forEach(
            runs(runCount),
            scan: scan,
            read: { run, scan, emitter in
                var random = SplitMix64(seed: UInt64(run.name.utf8.last ?? 0))
                for piece in 0..<40 {
                    if Int.random(in: 0..<4, using: &random) == 0 { usleep(useconds_t.random(in: 0..<300)) }
                    if piece == 20 { scan.context.note("\(run.name) after 20") }
                    emitter.emit("\(run.name) \(piece)")
                }
                scan.context.reportDamage("\(run.name) at the end")
            },
            consume: { (piece: String) in
                takeErrorLines()  // where each diagnostic comes among the pieces
                consumed.append(piece)
            }
        )
        takeErrorLines()
        var expected: [String] = []
        for run in 0..<runCount {
            for piece in 0..<40 {
                expected.append("run\(run) \(piece)")
                if piece == 20 { expected.append("note: run\(run) after 20") }
            }
            expected.append("warning: run\(run) at the end")
        }
        #expect(consumed == expected)
        #expect(scan.context.foundDamage)
    }

    @Test func aReaderAheadOfTheConsumerWaitsSoWhatIsHeldStaysBounded() throws {
        let tally = Tally()
        let depth = 3
        var count = 0
        try RunReaders.forEach(
            runs(4),
            scan: try scan(),
            depth: depth,
            read: { _, _, emitter in
                for piece in 0..<500 {
                    tally.emitted()
                    emitter.emit(piece)
                }
            },
            consume: { (_: Int) in
                if count % 100 == 0 { usleep(2_000) }  // a slow writer: the readers get ahead
                count += 1
                tally.consumed()
            }
        )
        let readers = min(4, ProcessInfo.processInfo.activeProcessorCount)
        #expect(count == 2000)
        // Each reader holds at most a full queue and the piece it waits to add; the run being consumed may hold a
        // queue more (its reader gone on to the next run), and the consumer one piece.
        #expect(tally.mostOutstanding <= readers * (depth + 1) + depth + 1)
        #expect(tally.mostOutstanding >= min(depth, 2))
    }

    private struct Failed: Error, Equatable { let run: String }

    @Test func anErrorReadingARunComesAfterItsPiecesAndStopsEveryReader() throws {
        let tally = Tally()
        var consumed: [String] = []
        #expect(throws: Failed(run: "run1")) {
            try RunReaders.forEach(
                runs(6),
                scan: try scan(),
                read: { run, scan, emitter in
                    tally.started()
                    defer { tally.finished() }
                    for piece in 0..<20_000 {
                        if run.name == "run1", piece == 10 { throw Failed(run: run.name) }
                        if scan.context.isOutputClosed { throw OutputClosed() }  // as the record loop checks
                        emitter.emit("\(run.name) \(piece)")
                        if run.name != "run0" { usleep(50) }
                    }
                },
                consume: { (piece: String) in consumed.append(piece) }
            )
        }
        #expect(tally.readingNow == 0)  // no reader outlives the call
        #expect(consumed.filter { $0.hasPrefix("run1 ") } == (0..<10).map { "run1 \($0)" })
        #expect(consumed.count == 20_000 + 10)
        #expect(consumed.allSatisfy { $0.hasPrefix("run0 ") || $0.hasPrefix("run1 ") })
    }

    @Test func anErrorConsumingStopsEveryReader() throws {
        let tally = Tally()
        var consumed = 0
        #expect(throws: Failed(run: "consumer")) {
            try RunReaders.forEach(
                runs(3),
                scan: try scan(),
                read: { run, scan, emitter in
                    tally.started()
                    defer { tally.finished() }
                    while !scan.context.isOutputClosed { emitter.emit(run.name) }
                    throw OutputClosed()
                },
                consume: { (_: String) in
                    consumed += 1
                    if consumed == 100 { throw Failed(run: "consumer") }
                }
            )
        }
        #expect(tally.readingNow == 0)
        #expect(consumed == 100)
    }

    /// Six runs, one with a damaged record, each with scalars, histograms and text.
    private func writeRuns() throws {
        for run in 0..<6 {
            let writer = try SummaryWriter(runDirectory: directory.path + "/run\(run)")
            for step in 0..<300 {
                try writer.scalar("loss", Float(run * 1000 + step), step: Int64(step), wallTime: 1000 + Double(step))
                if step % 50 == 0 {
                    try writer.text("notes", "run \(run) step \(step)", step: Int64(step), wallTime: 1000)
                    try writer.histogram(
                        "w",
                        buckets: [HistogramBucket(leftEdge: 0, rightEdge: Double(run), count: Double(step))],
                        step: Int64(step),
                        wallTime: 1000
                    )
                }
            }
            try writer.close()
        }
        let file = try eventFiles(in: directory.path + "/run3")[0]
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        bytes[bytes.count / 2] ^= 0x10
        try Data(bytes).write(to: URL(fileURLWithPath: file))
    }

    @Test(arguments: [
        ["scalars", "--format", "csv"], ["scalars", "--format", "jsonl"],
        ["scalars", "--format", "jsonl", "--smooth", "0.6"],
        ["scalars", "--wide", "--format", "jsonl"], ["summary", "--format", "jsonl"], ["ls", "--format", "jsonl"],
        ["ls"],
        ["text", "--format", "jsonl"], ["hist", "--format", "jsonl"], ["hist", "--percentiles", "--format", "jsonl"],
    ])
    func aCommandOverManyRunsPrintsWhatItPrintsForEachRunInTurn(_ command: [String]) throws {
        try writeRuns()
        let whole = eventdump(command + [directory.path])
        var output = ""
        var errors = ""
        for run in 0..<6 {
            let one = eventdump(command + [directory.path, "--run", "^run\(run)$"])
            #expect(one.status == (run == 3 ? 1 : 0))
            var text = one.output
            if command[0] == "scalars", command.contains("csv"), run > 0 {
                text = String(text.drop { $0 != "\n" }.dropFirst())  // the header once
            }
            output += text
            errors += one.errors
        }
        #expect(whole.status == 1)
        #expect(whole.errors.contains("warning: "))
        #expect(whole.errors == errors)
        #expect(whole.output == output)
    }
}
