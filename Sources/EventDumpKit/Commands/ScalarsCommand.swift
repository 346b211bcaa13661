// ScalarsCommand.swift: `eventdump scalars`, every scalar point of a log directory as a table.

import TensorBoardEvents

/// `eventdump scalars LOGDIR`: one row per scalar point, or one row per step with a column per tag.
enum ScalarsCommand: Command {
    static let name = "scalars"
    static let abstract = "Print every scalar point of a log directory, one row per point (or per step with --wide)."
    static let help = """
        OVERVIEW: \(abstract)

        Runs are read in name order, each run's event files in name order, points in file order. Values are
        printed so that they read back exactly (32-bit values widened to doubles); NaN and infinities are spelled
        out. By default points are kept as TensorBoard shows them after a restart (it drops the interrupted
        attempt's points at and after the restart step); the number dropped is reported on standard error.
        Damaged records are reported on standard error with file and byte offset, every intact record is still
        printed, and the exit status is 1.

        With --follow, rows are printed as training appends them (new files and runs too), until Ctrl-C or
        --follow-timeout. Every point is printed as it is read, as with --keep-all, since a printed row cannot be
        taken back: when an event makes TensorBoard drop points already printed (a restart, a step going back), a
        note on standard error says so, once per run. A problem that persists (an unreadable file or directory)
        is reported once, not on every read; with --strict, following stops at the first damage. A file replaced
        under its name (mv new old, as rsync does) or truncated and rewritten is noted once and read again from
        its start. Only files that grew since the last read are kept open (at most 64), and following ends at
        once when the reader of an output pipe goes away, even while the log is idle.

        With --smooth, each series is smoothed over all its points, then --steps picks the rows shown, as
        TensorBoard smooths the whole series. Points are smoothed in reading order, as TensorBoard's chart smooths
        the points it is given (it does not sort them by step): after restart purging a series' steps only go up;
        with --keep-all, a restart's stale points are smoothed where they were read.

        With --wide, a tag with several values at one step of a run (only with --keep-all: TensorBoard's purge
        keeps one) gets them all in its cell as a list in reading order, [a, b], as tbparse's pivot merges them
        (NaN included, which tbparse leaves out of a list); a note on standard error says how many such cells
        there are. Otherwise each cell holds one number.

        USAGE: eventdump scalars <logdir> [options]

        ARGUMENTS:
          <logdir>                A log directory (runs are the directories holding event files), or one event file.

        OPTIONS:
        \(CommonOptions.help)
          --wide                  One row per run and step, one column per tag, as tbparse's pivot (see above).
          --smooth <weight>       Add TensorBoard's smoothed value (debiased EMA; 0.6 is its default weight; see above).
          --follow                Keep reading as training appends, like tail -f (every point as read; see above).
        \(FollowOptions.help)
          -h, --help              Show help information.

        \(OutputFormat.controlCharactersHelp)

        EXAMPLES:
          eventdump scalars runs/demo
          eventdump scalars runs --tag 'epoch_(loss|accuracy)' --format csv > scalars.csv
          eventdump scalars runs --run validation --wide --steps 10:20
          eventdump scalars runs --smooth 0.6 --format jsonl
          eventdump scalars runs --follow
        """

    static func run(_ arguments: [String], context: CommandContext) throws {
        let parsed = try ArgumentList(
            arguments,
            valueOptions: CommonOptions.valueOptions.union(["--smooth"]).union(FollowOptions.valueOptions),
            flagOptions: CommonOptions.flagOptions.union(["--wide", "--follow"])
        )
        let logdir = try parsed.onlyPositional(named: "<logdir>")
        let options = try CommonOptions(parsed, defaultFormat: defaultFormat(for: context.output))
        let smoothing = try parsed.smoothingWeight()
        let scan = LogScan(logdir: logdir, options: options, context: context)
        if parsed.has("--follow") {
            guard !parsed.has("--wide"), smoothing == nil else {
                throw UsageError("--follow cannot be combined with --wide or --smooth")
            }
            try follow(scan, options: try FollowOptions(parsed), context: context)
        } else if parsed.has("--wide") {
            try wide(scan, context: context)
        } else {
            try long(scan, smoothing: smoothing, context: context)
        }
    }

    /// One row per point, streamed (held per run only with --smooth, which needs a whole series).
    private static func long(_ scan: LogScan, smoothing: Double?, context: CommandContext) throws {
        var columns = ["run", "tag", "step", "wall_time", "value"]
        if smoothing != nil { columns.append("smoothed") }
        let runs = try scan.runs()
        if smoothing == nil, let encoder = ScalarRowEncoder(format: scan.options.format, sink: context.output) {
            defer { encoder.flush() }
            try csvRows(scan, runs: runs, encoder: encoder)
            return
        }
        let table = TableWriter(format: scan.options.format, columns: columns, sink: context.output)
        defer { table.finish() }
        try RunReaders.writeRows(runs, scan: scan, to: table) { run, scan, row in
            guard let weight = smoothing else {
                let runCell = Cell.text(run.name)
                let purged = try scan.forEachScalar(of: run) { tag, step, wallTime, value in
                    row([runCell, .text(tag), .integer(step), .number(wallTime), .number(value)])
                }
                scan.reportPurged(purged, run: run)
                return
            }
            try smoothedRows(scan, run: run, weight: weight, row: row)
        }
    }

    /// A run's rows with TensorBoard's smoothed value. Each series is smoothed over all its points (not only
    /// those in `--steps`, which then picks the rows), in reading order: the order TensorBoard's chart smooths
    /// the points it is given (it does not sort them). After restart purging a series' steps only go up, so
    /// that is step order; with `--keep-all` a restart's stale points are smoothed where they were read.
    private static func smoothedRows(_ scan: LogScan, run: Run, weight: Double, row: ([Cell]) -> Void) throws {
        var rows: [(tag: String, step: Int64, wallTime: Double, value: Double)] = []
        let purged = try scan.forEachScalar(of: run, filtersSteps: false) { rows.append(($0, $1, $2, $3)) }
        scan.reportPurged(purged, run: run)
        var positions: [String: [Int]] = [:]
        for (index, row) in rows.enumerated() { positions[row.tag, default: []].append(index) }
        var smoothed = [Double](repeating: 0, count: rows.count)
        for indices in positions.values {
            for (index, value) in zip(indices, Smoothing.smooth(indices.map { rows[$0].value }, weight: weight)) {
                smoothed[index] = value
            }
        }
        let runCell = Cell.text(run.name)
        for (index, point) in rows.enumerated() where scan.options.includesStep(point.step) {
            row([
                runCell, .text(point.tag), .integer(point.step), .number(point.wallTime), .number(point.value),
                .number(smoothed[index]),
            ])
        }
    }
}
