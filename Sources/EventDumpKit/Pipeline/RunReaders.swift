// RunReaders.swift: reads a command's runs on several threads, handing what they read over in run order.

import Dispatch
import Foundation
import TensorBoardEvents

/// Reads runs on up to one thread per core while the calling thread consumes what they read, run after run in
/// the order given: the output is what reading the runs one after another gives, but a log directory of many
/// runs (or of runs in object storage, where a reader mostly waits for the network) is read in about the time
/// of its share per core. With one run there is one reading thread, so reading still overlaps with writing.
///
/// Each run's reader hands its pieces over through a queue of at most `depth` messages. A reader that gets
/// ahead of the consumer waits once its queue is full, so memory stays bounded (readers × depth pieces) however
/// large the runs; runs are taken in order, so the run being consumed always has a reader.
///
/// Each run is read with a context holding its diagnostics (see ``CommandContext/holdingDiagnostics(stopping:)``).
/// They follow the piece emitted before them, and the calling thread reports them after `flush` has written
/// what came before (and not at all once the output is gone). Only the calling thread writes output or errors.
///
/// An error thrown reading a run (`--strict`'s stop, closed output) is rethrown once that run's earlier pieces
/// are consumed. The other readers are then stopped (their contexts report the output closed, which ends
/// their reading at the next check) and waited for, so no reader outlives the call.
enum RunReaders {
    /// Where a run's reader hands over its pieces.
    struct Emitter<Piece> {
        fileprivate let schedule: Schedule<Piece>
        fileprivate let index: Int
        fileprivate let context: CommandContext

        /// Hands over a piece, then the diagnostics held since the last, waiting while the queue is full.
        func emit(_ piece: Piece) {
            schedule.send(.piece(piece), run: index)
            sendHeldDiagnostics()
        }

        /// Whether diagnostics were met since the last piece: a reader holding back a partial piece emits it
        /// first, so that the diagnostics keep their place among what it reads.
        var hasHeldDiagnostics: Bool { context.hasHeldDiagnostics }

        /// How many messages wait for the consumer in this run's queue. A reader that finds it filling can do
        /// some of the consumer's work before emitting (and so keep every thread busy).
        var backlog: Int { schedule.count(run: index) }

        fileprivate func sendHeldDiagnostics() {
            let held = context.takeHeldDiagnostics()
            if !held.isEmpty { schedule.send(.diagnostics(held), run: index) }
        }
    }

    /// Reads `runs` with `read` on up to one thread per core and calls `consume` on the calling thread with each
    /// piece, the pieces of each run in the order emitted, the runs in the order of `runs`.
    /// - Parameters:
    ///   - scan: The scan whose options and context the readers use (each with its own holding context).
    ///   - depth: The most messages waiting in a run's queue.
    ///   - read: Reads a run with a scan of its own; runs on another thread, so it must not touch what `consume`
    ///     touches.
    ///   - flush: Writes what `consume` holds back, before diagnostics are reported.
    ///   - consume: Consumes a piece; runs on the calling thread.
    /// - Throws: What `read` or `consume` threw, after the pieces before it.
    static func forEach<Piece>(
        _ runs: [Run],
        scan: LogScan,
        depth: Int = 4,
        read: @escaping (_ run: Run, _ scan: LogScan, _ emitter: Emitter<Piece>) throws -> Void,
        flush: () -> Void = {},
        consume: (Piece) throws -> Void
    ) throws {
        guard !runs.isEmpty else { return }
        let context = scan.context
        let schedule = Schedule<Piece>(runCount: runs.count, depth: max(1, depth))
        let readerCount = min(runs.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let job = UncheckedBox((runs: runs, scan: scan, read: read))
        // A thread inherits no task-local values: the store s3:// paths resolve to in this task goes along.
        let store = ObjectStoragePath.storeOverride
        for _ in 0..<readerCount {
            schedule.readerStarted()
            let thread = Thread {
                ObjectStoragePath.$storeOverride.withValue(store) { readRuns(job.value, schedule) }
                schedule.readerFinished()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        defer { schedule.stopAndWait() }
        for index in runs.indices {
            reading: while true {
                switch schedule.receive(run: index) {
                case .piece(let piece):
                    try consume(piece)
                case .diagnostics(let diagnostics):
                    flush()
                    context.output.flush()  // what was read before the damage, then the warning
                    guard !context.isOutputClosed else { continue }
                    for diagnostic in diagnostics { context.report(diagnostic) }
                    context.errors.flush()
                case .end(nil):
                    break reading
                case .end(let error?):
                    throw error.value
                }
            }
        }
    }

    /// Reads runs with `read` on up to one thread per core, each into one result, and calls `consume` with each
    /// run's result in run order (after the diagnostics met reading it). For results that stay small (a run's
    /// statistics); a run's rows go through ``forEach(_:scan:depth:read:flush:consume:)`` in pieces.
    static func forEachResult<Result>(
        _ runs: [Run],
        scan: LogScan,
        read: @escaping (_ run: Run, _ scan: LogScan) throws -> Result,
        consume: (Run, Result) throws -> Void
    ) throws {
        try forEach(
            runs,
            scan: scan,
            read: { run, scan, emitter in emitter.emit((run, try read(run, scan))) },
            consume: { (run: Run, result: Result) in try consume(run, result) }
        )
    }

    /// Reads runs with `read`, which makes table rows, on up to one thread per core and writes the rows to
    /// `table` in run order, handed over a few hundred at a time (and before any diagnostic met after them).
    static func writeRows(
        _ runs: [Run],
        scan: LogScan,
        to table: TableWriter,
        read: @escaping (_ run: Run, _ scan: LogScan, _ row: (_ cells: [Cell]) -> Void) throws -> Void
    ) throws {
        let batchSize = 256
        try forEach(
            runs,
            scan: scan,
            read: { run, scan, emitter in
                var rows: [[Cell]] = []
                rows.reserveCapacity(batchSize)
                defer { if !rows.isEmpty { emitter.emit(rows) } }  // also the rows before an error
                try read(run, scan) { cells in
                    if emitter.hasHeldDiagnostics, !rows.isEmpty {  // the rows before the diagnostics come first
                        emitter.emit(rows)
                        rows.removeAll(keepingCapacity: true)
                    }
                    rows.append(cells)
                    guard rows.count >= batchSize else { return }
                    emitter.emit(rows)
                    rows.removeAll(keepingCapacity: true)
                }
            },
            consume: { (rows: [[Cell]]) in
                for row in rows { table.write(row) }
            }
        )
    }

    /// One reader's loop: takes the next run not yet taken and reads it, until none is left or reading stopped.
    private static func readRuns<Piece>(
        _ job: (runs: [Run], scan: LogScan, read: (Run, LogScan, Emitter<Piece>) throws -> Void),
        _ schedule: Schedule<Piece>
    ) {
        while let index = schedule.nextRun() {
            var scan = job.scan
            scan.context = job.scan.context.holdingDiagnostics(stopping: { schedule.isStopped })
            let emitter = Emitter(schedule: schedule, index: index, context: scan.context)
            var failure: UncheckedBox<Error>?
            do {
                try job.read(job.runs[index], scan, emitter)
            } catch {
                failure = UncheckedBox(error)
            }
            emitter.sendHeldDiagnostics()  // the run's purge note, its truncated tail, the damage it stopped at
            schedule.send(.end(failure), run: index)
        }
    }
}

/// A value handed between threads under a discipline the compiler cannot check (documented where used).
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The runs' queues and who reads what, under one `NSCondition` (a pthread mutex and condition variable, which
/// ThreadSanitizer understands; it does not see through `Synchronization.Mutex`'s futexes on Linux and would
/// report false races). Messages are whole batches, so waking every waiter on each change costs little.
private final class Schedule<Piece>: @unchecked Sendable {
    enum Message {
        case piece(Piece)
        case diagnostics([Diagnostic])
        /// The run is read; the error reading it stopped at, if any.
        case end(UncheckedBox<Error>?)
    }

    private let condition = NSCondition()
    private let depth: Int
    private var queues: [[Message]]
    private var next = 0
    private var stopped = false
    private var readers = 0

    init(runCount: Int, depth: Int) {
        self.depth = depth
        queues = Array(repeating: [], count: runCount)
    }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }

    /// The index of the next run to read, or `nil` when every run is taken or reading stopped.
    func nextRun() -> Int? {
        locked {
            guard !stopped, next < queues.count else { return nil }
            next += 1
            return next - 1
        }
    }

    /// Whether the consumer has stopped (an error, or done).
    var isStopped: Bool { locked { stopped } }

    /// Queues a message for run `run`, waiting while its queue is full; dropped once the consumer stopped.
    func send(_ message: Message, run: Int) {
        locked {
            while queues[run].count >= depth, !stopped { condition.wait() }
            guard !stopped else { return }
            queues[run].append(message)
            condition.broadcast()
        }
    }

    /// The messages waiting in run `run`'s queue.
    func count(run: Int) -> Int { locked { queues[run].count } }

    /// The next message of run `run`, waiting for it.
    func receive(run: Int) -> Message {
        locked {
            while queues[run].isEmpty { condition.wait() }
            condition.broadcast()
            return queues[run].removeFirst()
        }
    }

    func readerStarted() { locked { readers += 1 } }

    func readerFinished() {
        locked {
            readers -= 1
            condition.broadcast()
        }
    }

    /// Stops the readers (those waiting to send, and those reading at their next output check) and waits until
    /// every one has finished.
    func stopAndWait() {
        locked {
            stopped = true
            queues = queues.map { _ in [] }
            condition.broadcast()
            while readers > 0 { condition.wait() }
        }
    }
}
