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

    private struct Stats {
        var count = 0
        var first: (value: Double, step: Int64)?
        var last: (value: Double, step: Int64)?
        var minimum: (value: Double, step: Int64)?
        var maximum: (value: Double, step: Int64)?
        var recent: [Double] = []
        var nanCount = 0
        var infinityCount = 0
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
        let options = try CommonOptions(parsed, defaultFormat: defaultFormat(for: context.output, fallback: .text))
        let lastCount =
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
        let scan = LogScan(logdir: logdir, options: options, context: context)
        var rows: [[Cell]] = []
        for run in try scan.runs() {
            var stats: [String: Stats] = [:]
            let purged = try scan.forEachScalar(of: run) { tag, step, _, value in
                var entry = stats[tag] ?? Stats()
                entry.count += 1
                if entry.first == nil { entry.first = (value, step) }
                entry.last = (value, step)
                if value.isNaN {
                    entry.nanCount += 1
                } else {
                    if value.isInfinite { entry.infinityCount += 1 }
                    if entry.minimum.map({ value < $0.value }) ?? true { entry.minimum = (value, step) }
                    if entry.maximum.map({ value > $0.value }) ?? true { entry.maximum = (value, step) }
                }
                entry.recent.append(value)
                if entry.recent.count > lastCount { entry.recent.removeFirst() }
                stats[tag] = entry
            }
            scan.reportPurged(purged, run: run)
            for tag in stats.keys.sorted() {
                guard let entry = stats[tag] else { continue }
                let mean = entry.recent.isEmpty ? nil : entry.recent.reduce(0, +) / Double(entry.recent.count)
                rows.append([
                    .text(run.name), .text(tag), .integer(Int64(entry.count)),
                    .number(entry.first?.value), .integer(entry.first?.step), .number(entry.last?.value),
                    .integer(entry.last?.step),
                    .number(entry.minimum?.value), .integer(entry.minimum?.step), .number(entry.maximum?.value),
                    .integer(entry.maximum?.step),
                    .number(mean), .integer(Int64(entry.nanCount)), .integer(Int64(entry.infinityCount)),
                ])
            }
        }
        if let sortColumn, let index = columns.firstIndex(of: sortColumn) {
            let descending = parsed.has("--descending")
            rows.sort { order($0[index], $1[index], descending: descending) }
        }
        let table = TableWriter(format: options.format, columns: columns, sink: context.output)
        for row in rows { table.write(row) }
        table.finish()
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
