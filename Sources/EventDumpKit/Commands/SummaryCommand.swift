// SummaryCommand.swift: `eventdump summary`, each scalar series in one row.

import TensorBoardEvents

/// `eventdump summary LOGDIR`: per run and tag, count, first, last, min and max with their steps, the mean of
/// the last points, and the NaN and infinity counts; sortable.
enum SummaryCommand: Command {
    static let name = "summary"
    static let abstract = "Summarise each scalar series: first, last, min, max (with steps), mean of the last points."
    static let help = """
        OVERVIEW: \(abstract)

        Which run had the best validation accuracy is one command:
          eventdump summary runs --tag epoch_accuracy --run validation --sort max --descending

        USAGE: eventdump summary <logdir> [options]

        ARGUMENTS:
          <logdir>                A log directory, or one event file.

        OPTIONS:
        \(CommonOptions.helpLines(defaultFormat: "text"))
          --last <k>              The mean is of the last k points. (default: 10)
          --sort <column>         Sort by a column (count, first, last, min, max, mean_last, nan, inf, run, tag).
          --descending            Sort from the largest (default: ascending).
          -h, --help              Show help information.

        \(OutputFormat.controlCharactersHelp)

        EXAMPLES:
          eventdump summary runs
          eventdump summary runs --tag loss --sort last --format markdown
        """

    /// One series' statistics, kept as its points arrive.
    private struct Stats {
        var count = 0
        var first: (value: Double, step: Int64)?
        var last: (value: Double, step: Int64)?
        var minimum: (value: Double, step: Int64)?
        var maximum: (value: Double, step: Int64)?
        /// The last `window` values, as a ring: once full, the oldest is at `count % window`.
        var recent: [Double] = []
        var nanCount = 0
        var infinityCount = 0

        mutating func add(_ value: Double, step: Int64, window: Int) {
            if first == nil { first = (value, step) }
            last = (value, step)
            if value.isNaN {
                nanCount += 1
            } else {
                if value.isInfinite { infinityCount += 1 }
                if minimum.map({ value < $0.value }) ?? true { minimum = (value, step) }
                if maximum.map({ value > $0.value }) ?? true { maximum = (value, step) }
            }
            if recent.count < window { recent.append(value) } else { recent[count % window] = value }
            count += 1
        }

        /// The mean of the last values, added up oldest first (the order they came in).
        var meanOfRecent: Double? {
            guard !recent.isEmpty else { return nil }
            let oldest = recent.count < count ? count % recent.count : 0
            let ordered = recent[oldest...] + recent[..<oldest]
            return ordered.reduce(0, +) / Double(recent.count)
        }

        func row(run: String, tag: String) -> [Cell] {
            [
                .text(run), .text(tag), .integer(Int64(count)), .number(first?.value), .integer(first?.step),
                .number(last?.value), .integer(last?.step), .number(minimum?.value), .integer(minimum?.step),
                .number(maximum?.value), .integer(maximum?.step), .number(meanOfRecent), .integer(Int64(nanCount)),
                .integer(Int64(infinityCount)),
            ]
        }
    }

    static let columns = [
        "run", "tag", "count", "first", "first_step", "last", "last_step", "min", "min_step", "max", "max_step",
        "mean_last", "nan", "inf",
    ]

    static func run(_ arguments: [String], context: CommandContext) throws {
        let parsed = try ArgumentList(
            arguments,
            valueOptions: CommonOptions.valueOptions.union(["--last", "--sort"]),
            flagOptions: CommonOptions.flagOptions.union(["--descending"])
        )
        let logdir = try parsed.onlyPositional(named: "<logdir>")
        let options = try CommonOptions(parsed, defaultFormat: .text)
        let window =
            try parsed.value("--last").map { text throws(UsageError) -> Int in
                guard let value = Int(text), value > 0 else {
                    throw UsageError("--last takes a positive count. Received: \(text)")
                }
                return value
            } ?? 10
        let sortColumn = parsed.value("--sort")
        if let sortColumn, !columns.contains(sortColumn) || sortColumn.hasSuffix("_step") {
            throw UsageError(
                "cannot sort by '\(sortColumn)' (values: count, first, last, min, max, mean_last, nan, inf, run, tag)"
            )
        }
        var rows = try summaryRows(LogScan(logdir: logdir, options: options, context: context), window: window)
        if let sortColumn, let index = columns.firstIndex(of: sortColumn) {
            let descending = parsed.has("--descending")
            rows.sort { order($0[index], $1[index], descending: descending) }
        }
        let table = TableWriter(format: options.format, columns: columns, sink: context.output)
        for row in rows { table.write(row) }
        table.finish()
    }

    /// One row per run and tag (tags sorted within a run), restart purging reported per run.
    private static func summaryRows(_ scan: LogScan, window: Int) throws -> [[Cell]] {
        var rows: [[Cell]] = []
        try RunReaders.forEachResult(
            try scan.runs(),
            scan: scan,
            read: { run, scan in
                var stats: [String: Stats] = [:]
                let purged = try scan.forEachScalar(of: run) { tag, step, _, value in
                    stats[tag, default: Stats()].add(value, step: step, window: window)
                }
                scan.reportPurged(purged, run: run)
                return stats.sorted(by: { $0.key < $1.key }).map { $0.value.row(run: run.name, tag: $0.key) }
            },
            consume: { _, runRows in rows += runRows }
        )
        return rows
    }

    /// Sorting that keeps empty and NaN cells last in either direction.
    private static func order(_ a: Cell, _ b: Cell, descending: Bool) -> Bool {
        func key(_ cell: Cell) -> (Int, Double, String) {
            switch cell {
            case .integer(let value): return (0, Double(value), "")
            case .number(let value): return value.isNaN ? (1, 0, "") : (0, value, "")
            case .text(let text): return (0, 0, text)
            case .empty, .numbers: return (1, 0, "")
            }
        }
        let (ka, kb) = (key(a), key(b))
        if ka.0 != kb.0 { return ka.0 < kb.0 }
        if ka.1 != kb.1 { return descending ? ka.1 > kb.1 : ka.1 < kb.1 }
        return descending ? ka.2 > kb.2 : ka.2 < kb.2
    }
}
