// LsCommand.swift: `eventdump ls`, what a log directory holds.

import TensorBoardEvents

/// `eventdump ls LOGDIR`: runs, their files, and per tag its kind, points, steps and wall-time span.
enum LsCommand: Command {
    static let name = "ls"
    static let abstract = "List runs, their event files, and each tag's kind, points, steps and time span."
    static let help = """
        OVERVIEW: \(abstract)

        Counts are of the points TensorBoard shows (after its restart purging, unless --keep-all).

        USAGE: eventdump ls <logdir> [options]

        ARGUMENTS:
          <logdir>                A log directory, or one event file.

        OPTIONS:
        \(CommonOptions.help)
          -h, --help              Show help information.

        EXAMPLES:
          eventdump ls runs
          eventdump ls runs --run 'digits.*/validation' --format json
        """

    private struct TagStats {
        var info: SeriesInfo?
        var points = 0
        var firstStep = Int64.max
        var lastStep = Int64.min
        var firstWallTime = Double.infinity
        var lastWallTime = -Double.infinity
    }

    static func run(_ arguments: [String], context: CommandContext) throws {
        let parsed = try ArgumentList(
            arguments,
            valueOptions: CommonOptions.valueOptions,
            flagOptions: CommonOptions.flagOptions
        )
        let logdir = try parsed.onlyPositional(named: "<logdir>")
        let options = try CommonOptions(parsed, defaultFormat: defaultFormat(for: context.output, fallback: .text))
        let scan = LogScan(logdir: logdir, options: options, context: context)
        let isText = options.format == .text
        let runs = try scan.runs()
        let table =
            isText
            ? nil
            : TableWriter(
                format: options.format,
                columns: [
                    "run", "tag", "kind", "plugin", "points", "first_step", "last_step", "first_wall_time",
                    "last_wall_time",
                ],
                sink: context.output
            )
        for run in runs {
            var stats: [String: TagStats] = [:]
            var order: [String] = []
            let (purged, series) = try scan.forEachPoint(of: run, kinds: nil) { point in
                if stats[point.tag] == nil { order.append(point.tag) }
                var entry = stats[point.tag] ?? TagStats()
                entry.points += 1
                entry.firstStep = min(entry.firstStep, point.step)
                entry.lastStep = max(entry.lastStep, point.step)
                entry.firstWallTime = min(entry.firstWallTime, point.wallTime)
                entry.lastWallTime = max(entry.lastWallTime, point.wallTime)
                stats[point.tag] = entry
            }
            scan.reportPurged(purged, run: run)
            for info in series { stats[info.tag]?.info = info }
            let rows = order.compactMap { tag in stats[tag].map { (tag, $0) } }.sorted { $0.0 < $1.0 }
            if let table {
                for (tag, entry) in rows {
                    table.write([
                        .text(run.name), .text(tag), .text(entry.info?.kind.rawValue ?? "tensor"),
                        .text(entry.info?.pluginName ?? ""),
                        .integer(Int64(entry.points)), .integer(entry.firstStep), .integer(entry.lastStep),
                        .number(entry.firstWallTime), .number(entry.lastWallTime),
                    ])
                }
                continue
            }
            context.output.write("run \(TerminalSafety.escaped(run.name))\n")
            for file in run.files {
                let size = FileSize.of(file)
                context.output.write("  \(TerminalSafety.escaped(file))  \(size) bytes\n")
            }
            let text = TableWriter(
                format: .text,
                columns: ["  tag", "kind", "points", "steps", "wall time span"],
                sink: context.output
            )
            for (tag, entry) in rows {
                text.write([
                    .text("  " + tag), .text(entry.info?.kind.rawValue ?? "tensor"), .integer(Int64(entry.points)),
                    .text(
                        entry.firstStep == entry.lastStep
                            ? "\(entry.firstStep)" : "\(entry.firstStep)…\(entry.lastStep)"
                    ),
                    .text(span(entry.lastWallTime - entry.firstWallTime)),
                ])
            }
            text.finish()
            context.output.write("\n")
        }
        table?.finish()
    }

    private static func span(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "" }
        if seconds < 120 { return NumberFormatting.text((seconds * 1000).rounded() / 1000) + " s" }
        if seconds < 7200 { return NumberFormatting.text((seconds / 60 * 10).rounded() / 10) + " min" }
        return NumberFormatting.text((seconds / 3600 * 10).rounded() / 10) + " h"
    }
}
