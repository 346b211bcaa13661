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

        With --percentiles, one row per histogram instead: the Distributions dashboard's bands, the values at
        0%, 6.68%, 15.87%, 30.85%, 50%, 69.15%, 84.13%, 93.32% and 100% of the histogram's weight (a normal
        distribution's −∞, −1.5σ, −σ, −0.5σ, median, 0.5σ, σ, 1.5σ, +∞), computed as TensorBoard's
        compress_histogram computes them, to the bit: linear interpolation inside the bucket where the weight is
        reached (see tensorboard/plugins/distribution/compressor.py); an empty histogram gives 0 throughout.

        USAGE: eventdump hist <logdir> [--percentiles] [options]

        ARGUMENTS:
          <logdir>                A log directory, or one event file.

        OPTIONS:
          --percentiles           One row per histogram: the Distributions dashboard's nine band values.
        \(CommonOptions.help)
          -h, --help              Show help information.

        \(OutputFormat.controlCharactersHelp)

        EXAMPLES:
          eventdump hist runs --tag kernel --steps 10:10
          eventdump hist runs --tag kernel --percentiles --format csv
        """

    static func run(_ arguments: [String], context: CommandContext) throws {
        let (scan, parsed) = try parse(arguments, context: context, flags: ["--percentiles"])
        let runs = try scan.runs()
        if parsed.has("--percentiles") { return try writePercentiles(runs, scan: scan) }
        let table = TableWriter(
            format: scan.options.format,
            columns: ["run", "tag", "step", "wall_time", "left", "right", "count"],
            sink: context.output
        )
        defer { table.finish() }
        try RunReaders.writeRows(runs, scan: scan, to: table) { run, scan, row in
            let (purged, _) = try scan.forEachPoint(of: run, kinds: [.histogram]) { point in
                guard case .histogram(let buckets) = point.value else { return }
                for bucket in buckets {
                    row([
                        .text(run.name), .text(point.tag), .integer(point.step), .number(point.wallTime),
                        .number(bucket.leftEdge), .number(bucket.rightEdge), .number(bucket.count),
                    ])
                }
            }
            scan.reportPurged(purged, run: run)
        }
    }

    /// Parses `<logdir>`, the common options and the command's own `flags`.
    static func parse(
        _ arguments: [String],
        context: CommandContext,
        flags: Set<String> = []
    ) throws -> (LogScan, ArgumentList) {
        let parsed = try ArgumentList(
            arguments,
            valueOptions: CommonOptions.valueOptions,
            flagOptions: CommonOptions.flagOptions.union(flags)
        )
        let logdir = try parsed.onlyPositional(named: "<logdir>")
        let options = try CommonOptions(parsed, defaultFormat: defaultFormat(for: context.output))
        return (LogScan(logdir: logdir, options: options, context: context), parsed)
    }
}
