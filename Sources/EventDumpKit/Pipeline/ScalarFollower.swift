// ScalarFollower.swift: `eventdump scalars --follow`, one poll at a time: new runs, new files, new records.

import TensorBoardEvents

/// Follows a log directory's scalars as training appends them, printing every point as it is read.
///
/// Each poll finds the runs again (new runs and files are picked up), reads every complete record each file
/// holds now, and leaves a partly written last record for the next poll. Damage is reported where it is met
/// (each damaged stretch once: the reader moves past it); a problem that persists (an unreadable file or
/// directory, a failing read) is reported once, not on every poll. With `--strict` the follower stops at the
/// first damage, printing nothing after it.
///
/// Files are kept as ``FollowedFiles`` keeps them: open only while they grow (at most 64 at a time), read on
/// from where they stood when they grow again, and read again from the start, with a note, when replaced under
/// the same name or truncated.
///
/// No restart purging: a printed row cannot be taken back. When an event makes TensorBoard drop points already
/// printed (a SessionLog START, a step going back), a note on standard error says so, once per run (not with
/// `--keep-all`, which asks for every point).
final class ScalarFollower {
    private let scan: LogScan
    private let table: TableWriter
    private var context: CommandContext { scan.context }
    private let files = FollowedFiles()
    private var runs: [String: FollowedRun] = [:]
    private var problems = FollowProblems()
    private var points: [ScalarPoint] = []
    /// Whether `--strict` stopped the follower at damage.
    private(set) var stoppedAtDamage = false

    /// What the follower knows of one run.
    private struct FollowedRun {
        var decoder: RunDecoder
        var restarts: RestartWatch
        var notedRestart = false
    }

    init(scan: LogScan, table: TableWriter) {
        self.scan = scan
        self.table = table
    }

    /// Reads what the log holds now; returns `false` once `--strict` has stopped at damage.
    /// Standard output going away (a closed pipe) also ends the following.
    func poll() -> Bool {
        for run in discoverRuns() {
            for path in run.files {
                guard let file = files.prepare(path, context: context, problems: &problems) else { continue }
                files.finishRead(file, failed: !read(file, run: run.name))
                if stoppedAtDamage || context.isOutputClosed { return false }
            }
        }
        files.endPoll()
        return true
    }

    /// The runs that pass `--run`; a log directory that went away, or a part that cannot be listed, is reported
    /// once and polling goes on.
    private func discoverRuns() -> [Run] {
        do {
            let (found, discoveryProblems) = try Logdir.discoverRuns(in: scan.logdir)
            for problem in discoveryProblems { problems.report(problem.description, context: context) }
            return found.filter { scan.options.includesRun($0.name) }
        } catch {
            problems.report(error.description, context: context)
            return []
        }
    }

    /// Reads every complete record the file holds now; returns `false` when a read failed.
    private func read(_ file: FollowedFile, run name: String) -> Bool {
        var run =
            runs[name]
            ?? FollowedRun(
                decoder: RunDecoder(filter: scan.filter(kinds: [.scalar])),
                restarts: RestartWatch(rules: scan.options.purgeRules ?? .rustLoader)
            )
        defer { runs[name] = run }
        while !stoppedAtDamage && !context.isOutputClosed {
            let next: Result<Bool, EventFileError>
            do throws(EventFileError) {
                next = .success(
                    try file.readRecord { offset, payload -> Bool in
                        handle(payload, at: offset, in: file.path, run: name, state: &run)
                        return true
                    } != nil
                )
            } catch {
                next = .failure(error)
            }
            switch next {
            case .success(true): continue
            case .success(false): return true
            case .failure(let error) where error.isCorruption:
                context.reportDamage(error.description)
                if scan.options.isStrict { stoppedAtDamage = true }
            case .failure(let error):
                // A failing read: reported once, tried again on the next poll.
                problems.report(error.description, context: context)
                return false
            }
        }
        return true
    }

    /// Decodes one record and prints its points.
    private func handle(
        _ payload: UnsafeRawBufferPointer,
        at offset: Int64,
        in path: String,
        run name: String,
        state run: inout FollowedRun
    ) {
        points.removeAll(keepingCapacity: true)
        let header: EventHeader
        do throws(WireDecodingError) {
            header = try run.decoder.decodeScalars(payload) { points.append($0) }
        } catch {
            context.reportDamage(EventFileError(.invalidEvent(error), path: path, offset: offset).description)
            if scan.options.isStrict { stoppedAtDamage = true }
            return
        }
        if !scan.options.keepsAll, !run.notedRestart,
            let dropped = run.restarts.droppedPrinted(
                before: header,
                tags: points.map { run.decoder.tag(ofSeries: $0.seriesIndex) }
            )
        {
            run.notedRestart = true
            noteRestart(run: name, step: dropped.step, tags: dropped.tags)
        }
        for point in points where scan.options.includesStep(point.step) {
            let tag = run.decoder.tag(ofSeries: point.seriesIndex)
            table.write([.text(name), .text(tag), .integer(point.step), .number(point.wallTime), .number(point.value)])
            run.restarts.printed(tag: tag, step: point.step)
        }
    }

    private func noteRestart(run name: String, step: Int64, tags: [String]) {
        let shown = tags.prefix(3).joined(separator: ", ") + (tags.count > 3 ? ", …" : "")
        context.note(
            "run \(name): TensorBoard drops the points of \(shown) printed above at step \(step) and later (a restart, "
                + "or a step going back); --follow prints every point as read, like --keep-all (noted once per run)"
        )
    }
}

/// Watches a followed run for the events after which TensorBoard drops points that have already been printed,
/// by the rules `--loader` chose (``RestartPurge``), remembering only each tag's highest printed step.
struct RestartWatch {
    private var purge: RestartPurge
    private var highestPrinted: [String: Int64] = [:]

    /// Creates a watch applying `rules`.
    init(rules: RestartPurge.Rules) {
        purge = RestartPurge(rules: rules)
    }

    /// Takes an event into account before its points are printed: the step from which TensorBoard now drops
    /// points already printed, and their tags (sorted), or `nil` when it drops none.
    mutating func droppedPrinted(before header: EventHeader, tags: [String]) -> (step: Int64, tags: [String])? {
        for purge in purge.purges(before: header, tags: tags) {
            let candidates = purge.tags ?? Array(highestPrinted.keys)
            let affected = Set(candidates.filter { (highestPrinted[$0] ?? .min) >= purge.step })
            if !affected.isEmpty { return (purge.step, affected.sorted()) }
        }
        return nil
    }

    /// Records that a point of `tag` at `step` was printed.
    mutating func printed(tag: String, step: Int64) {
        highestPrinted[tag] = max(highestPrinted[tag] ?? step, step)
    }
}
