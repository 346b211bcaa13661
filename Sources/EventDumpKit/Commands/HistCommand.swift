// HistCommand.swift: `eventdump hist`, histogram buckets as a table.

import TensorBoardEvents

/// `eventdump hist LOGDIR`: one row per histogram bucket.
enum HistCommand: Command {
    static let name = "hist"
    static let abstract = "Print histograms, one row per bucket (left edge, right edge, count)."
    static let help = """
        OVERVIEW: \(abstract)

        Modern ([k, 3] tensor) and legacy (HistogramProto) histograms alike; legacy ones as TensorBoard converts
        them (empty outer buckets dropped, min and max as the outer edges), with the stored doubles kept.

        \(CommonOptions.usage(command: "hist"))

        EXAMPLES:
          eventdump hist runs --tag kernel --steps 10:10
        """

    static func run(_ arguments: [String], context: CommandContext) throws {
        let (scan, _) = try parse(arguments, context: context)
        let runs = try scan.runs()
        let table = TableWriter(
            format: scan.options.format,
            columns: ["run", "tag", "step", "wall_time", "left", "right", "count"],
            sink: context.output
        )
        for run in runs {
            let (purged, _) = try scan.forEachPoint(of: run, kinds: [.histogram]) { point in
                guard case .histogram(let buckets) = point.value else { return }
                for bucket in buckets {
                    table.write([
                        .text(run.name), .text(point.tag), .integer(point.step), .number(point.wallTime),
                        .number(bucket.leftEdge), .number(bucket.rightEdge), .number(bucket.count),
                    ])
                }
            }
            scan.reportPurged(purged, run: run)
        }
        table.finish()
    }

    /// Parses `<logdir>` and the common options.
    static func parse(_ arguments: [String], context: CommandContext) throws -> (LogScan, ArgumentList) {
        let parsed = try ArgumentList(
            arguments,
            valueOptions: CommonOptions.valueOptions,
            flagOptions: CommonOptions.flagOptions
        )
        let logdir = try parsed.onlyPositional(named: "<logdir>")
        let options = try CommonOptions(parsed, defaultFormat: defaultFormat(for: context.output))
        return (LogScan(logdir: logdir, options: options, context: context), parsed)
    }
}
