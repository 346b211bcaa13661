// LogScan.swift: reads a log directory for the commands: runs, files, records, damage, restarts, filters.

import TensorBoardEvents

/// Reads a log directory's runs for a command: in name order, each run's files in name order, reporting
/// damage on standard error (and stopping at the first with `--strict`), keeping only the series the command
/// asks for, and applying TensorBoard's restart purging unless `--keep-all`.
///
/// Purging streams: a first pass over a run finds the few events that purge something (``PurgePlan``), and
/// the second pass hands over the kept points as it reads them; the first pass is skipped with `--keep-all`.
struct LogScan {
    let logdir: String
    let options: CommonOptions
    /// Where damage is reported (a reading thread gets a copy of the scan whose context holds its diagnostics).
    var context: CommandContext
    /// Tags starting with this are read whatever `--tag` says (`hparams` always reads `_hparams_/` tags).
    var tagPrefixReadAlways: String?

    init(logdir: String, options: CommonOptions, context: CommandContext, tagPrefixReadAlways: String? = nil) {
        self.logdir = logdir
        self.options = options
        self.context = context
        self.tagPrefixReadAlways = tagPrefixReadAlways
    }

    /// The runs that pass `--run`.
    func runs() throws -> [Run] {
        try allRuns().filter { options.includesRun($0.name) }
    }

    /// Every run, whatever `--run` says; the problems met finding them are reported.
    func allRuns() throws -> [Run] {
        let (runs, problems) = try Logdir.discoverRuns(in: logdir)
        for problem in problems {
            if problem.isDamage { context.reportDamage(problem.description) } else { context.note(problem.description) }
        }
        return runs
    }

    /// A filter for the given kinds and `--tag`.
    func filter(kinds: Set<SeriesKind>?) -> RunDecoder.Filter {
        guard let pattern = options.tagPattern else { return RunDecoder.Filter(kinds: kinds) }
        let prefix = tagPrefixReadAlways
        return RunDecoder.Filter(
            kinds: kinds,
            includesTag: { tag in
                if let prefix, tag.hasPrefix(prefix) { return true }
                return pattern.matches(tag)
            }
        )
    }

    /// Calls `body` with every record payload of a run and where it is (file, offset, index in the run's
    /// reading order); damage is reported unless `reportsDamage` is off (a first pass: the second reports it).
    /// Each file is opened with the size the run's listing gave it, so that neither pass sends a `HEAD` per
    /// object.
    @inline(__always)  // so that the body is inlined into the record loop
    func forEachRecord(
        of run: Run,
        reportsDamage: Bool = true,
        _ body: (RecordLocation, UnsafeRawBufferPointer) -> Void
    ) throws {
        var index = 0
        for (fileIndex, file) in run.files.enumerated() {
            try EventStream.forEachRecord(
                in: file,
                knownSize: run.listedSize(of: file),
                context: context,
                strict: options.isStrict,
                reportsDamage: reportsDamage
            ) { offset, payload in
                body(RecordLocation(fileIndex: fileIndex, offset: offset, index: index), payload)
                index &+= 1
            }
        }
    }

    /// The purge plan of a run (pass 1), or `nil` with `--keep-all` or when nothing is purged.
    func purgePlan(of run: Run, kinds: Set<SeriesKind>?) throws -> PurgePlan? {
        guard let rules = options.purgeRules else { return nil }
        var plan = PurgePlan(rules: rules)
        var decoder = RunDecoder(filter: filter(kinds: kinds))
        if kinds == [.scalar] {
            // The allocation-free path, as in the second pass. The series of a record's points (the first, as
            // most records hold one, then any others) are observed once it decoded whole: an invalid record is
            // left out of both passes.
            var observer = ScalarPlanObserver()
            try forEachRecord(of: run, reportsDamage: false) { location, payload in
                observer.observe(payload, location.index, &decoder, &plan)
            }
            plan.finish(tagOfSeries: { decoder.tag(ofSeries: $0) })
        } else {
            var tags: [String] = []
            try forEachRecord(of: run, reportsDamage: false) { location, payload in
                tags.removeAll(keepingCapacity: true)
                guard let header = try? decoder.decode(payload, { tags.append($0.tag) }) else { return }
                plan.observe(header, tags: tags, recordIndex: location.index)
            }
            plan.finish()
        }
        return plan.isEmpty ? nil : plan
    }

    /// The bytes of a run's files (those that can be found): the sizes its listing gave, looked up for the
    /// others.
    static func byteCount(of run: Run) -> Int64 {
        run.files.reduce(0) { $0 + (EventFileSource.size($1, knownSize: run.listedSize(of: $1)) ?? 0) }
    }

    /// Calls `body` with every kept point of the given kinds of a run, in reading order, and returns how many
    /// points purging dropped and the run's series. Invalid events are reported and skipped whole (none of
    /// their points is passed on, as the purge plan's pass leaves them out too).
    @discardableResult
    func forEachPoint(
        of run: Run,
        kinds: Set<SeriesKind>?,
        _ body: (DataPoint) -> Void
    ) throws -> (purged: Int, series: [SeriesInfo]) {
        let plan = try purgePlan(of: run, kinds: kinds)
        var decoder = RunDecoder(filter: filter(kinds: kinds))
        var purged = 0
        var failure: Error?
        var points: [DataPoint] = []
        try forEachRecord(of: run) { location, payload in
            guard failure == nil else { return }
            points.removeAll(keepingCapacity: true)
            do throws(WireDecodingError) {
                _ = try decoder.decode(payload) { points.append($0) }
            } catch {
                failure = reportInvalidEvent(error, at: location, in: run)
                return
            }
            for point in points where options.includesStep(point.step) {
                if let plan, plan.isPurged(tag: point.tag, step: point.step, recordIndex: location.index) {
                    purged += 1
                    continue
                }
                body(point)
            }
        }
        if let failure { throw failure }
        return (purged, decoder.series)
    }

    /// Reports a record whose checksums match but whose payload is not a valid event, as
    /// `<file>: offset <n>: record is not a valid Event: <cause>` (the form of every damage report); returns the
    /// error to stop with under `--strict`.
    func reportInvalidEvent(_ error: WireDecodingError, at location: RecordLocation, in run: Run) -> Error? {
        let damage = EventFileError(.invalidEvent(error), path: run.files[location.fileIndex], offset: location.offset)
        context.reportDamage(damage.description)
        return options.isStrict ? StoppedAtDamage() : nil
    }

    /// Reports purged points on standard error, never silently.
    func reportPurged(_ count: Int, run: Run) {
        reportPurged(count, runNamed: run.name)
    }

    /// Reports purged points of the run named `name` on standard error, never silently.
    func reportPurged(_ count: Int, runNamed name: String) {
        guard count > 0 else { return }
        context.note(
            "run \(name): \(count) point\(count == 1 ? "" : "s") dropped as TensorBoard drops them after a restart (use --keep-all to keep them)"
        )
    }
}
