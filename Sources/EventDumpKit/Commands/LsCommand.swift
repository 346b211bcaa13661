// LsCommand.swift: `eventdump ls`, what a log directory holds.

import TensorBoardEvents

/// `eventdump ls LOGDIR`: runs, their files, and per tag its kind, points, steps and wall-time span.
enum LsCommand: Command {
    static let name = "ls"
    static let abstract = "List runs, their event files, and each tag's kind, points, steps and time span."
    static let help = """
        OVERVIEW: \(abstract)

        Counts are of the points TensorBoard shows (after its restart purging, unless --keep-all). First and last
        are in reading order (files in name order): the step and wall time of a tag's first and last point. The
        wall time span is from the earliest to the latest wall time.

        Text lists each run with its files (and their sizes) and its tags; Markdown gives a table of files, then
        one of tags. The machine formats (csv, tsv, json, jsonl) give the table of tags (run, tag, kind, plugin,
        points, first_step, last_step, first_wall_time, last_wall_time), or with --files the table of files
        (run, file, bytes).

        USAGE: eventdump ls <logdir> [options]

        ARGUMENTS:
          <logdir>                A log directory, or one event file.

        OPTIONS:
        \(CommonOptions.helpLines(defaultFormat: "text"))
          --files                 In the machine formats, list the files instead of the tags.
          -h, --help              Show help information.

        \(OutputFormat.controlCharactersHelp)

        EXAMPLES:
          eventdump ls runs
          eventdump ls runs --run 'digits.*/validation' --format json
          eventdump ls runs --files --format csv
        """

    /// One tag of a run: what it is, how many points, and its first and last point.
    private struct TagStats {
        var info: SeriesInfo?
        var points = 0
        var first: (step: Int64, wallTime: Double)?
        var last: (step: Int64, wallTime: Double)?
        var earliestWallTime = Double.infinity
        var latestWallTime = -Double.infinity

        mutating func add(_ point: DataPoint) {
            points += 1
            if first == nil { first = (point.step, point.wallTime) }
            last = (point.step, point.wallTime)
            earliestWallTime = min(earliestWallTime, point.wallTime)
            latestWallTime = max(latestWallTime, point.wallTime)
        }
    }

    /// A run's files and tags (sorted by tag).
    private struct RunListing {
        var run: Run
        var tags: [(tag: String, stats: TagStats)]
    }

    static let tagColumns = [
        "run", "tag", "kind", "plugin", "points", "first_step", "last_step", "first_wall_time", "last_wall_time",
    ]
    static let fileColumns = ["run", "file", "bytes"]

    static func run(_ arguments: [String], context: CommandContext) throws {
        let parsed = try ArgumentList(
            arguments,
            valueOptions: CommonOptions.valueOptions,
            flagOptions: CommonOptions.flagOptions.union(["--files"])
        )
        let logdir = try parsed.onlyPositional(named: "<logdir>")
        let options = try CommonOptions(parsed, defaultFormat: .text)
        let scan = LogScan(logdir: logdir, options: options, context: context)
        switch options.format {
        case .text:
            try RunReaders.forEachResult(try scan.runs(), scan: scan, read: listing) { _, listing in
                writeText(listing, context: context)
            }
        case .markdown:
            var listings: [RunListing] = []
            try RunReaders.forEachResult(try scan.runs(), scan: scan, read: listing) { listings.append($1) }
            writeFiles(listings, format: .markdown, context: context)
            context.output.write("\n")
            writeTags(listings, format: .markdown, context: context)
        case .csv, .tsv, .json, .jsonl:
            if parsed.has("--files") {
                writeFiles(
                    try scan.runs().map { RunListing(run: $0, tags: []) },
                    format: options.format,
                    context: context
                )
            } else {
                // Streamed run by run: each run's rows are written once it has been read.
                let table = TableWriter(format: options.format, columns: tagColumns, sink: context.output)
                defer { table.finish() }
                try RunReaders.forEachResult(try scan.runs(), scan: scan, read: listing) { _, listing in
                    writeTagRows(listing, to: table)
                }
            }
        }
    }

    /// Reads a run's points (restart purging reported) into per-tag statistics.
    private static func listing(of run: Run, _ scan: LogScan) throws -> RunListing {
        var stats: [String: TagStats] = [:]
        let (purged, series) = try scan.forEachPoint(of: run, kinds: nil) { point in
            stats[point.tag, default: TagStats()].add(point)
        }
        scan.reportPurged(purged, run: run)
        for info in series { stats[info.tag]?.info = info }
        return RunListing(run: run, tags: stats.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    private static func writeTagRows(_ listing: RunListing, to table: TableWriter) {
        for (tag, entry) in listing.tags {
            table.write([
                .text(listing.run.name), .text(tag), .text(entry.info?.kind.rawValue ?? "tensor"),
                .text(entry.info?.pluginName ?? ""), .integer(Int64(entry.points)), .integer(entry.first?.step),
                .integer(entry.last?.step), .number(entry.first?.wallTime), .number(entry.last?.wallTime),
            ])
        }
    }

    private static func writeTags(_ listings: [RunListing], format: OutputFormat, context: CommandContext) {
        let table = TableWriter(format: format, columns: tagColumns, sink: context.output)
        for listing in listings { writeTagRows(listing, to: table) }
        table.finish()
    }

    private static func writeFiles(_ listings: [RunListing], format: OutputFormat, context: CommandContext) {
        let table = TableWriter(format: format, columns: fileColumns, sink: context.output)
        for listing in listings {
            for file in listing.run.files {
                let size = EventFileSource.size(file, knownSize: listing.run.listedSize(of: file))
                table.write([.text(listing.run.name), .text(file), .integer(size ?? 0)])
            }
        }
        table.finish()
    }

    /// A run as text: its name, its files with their sizes, and a table of its tags.
    private static func writeText(_ listing: RunListing, context: CommandContext) {
        context.output.write("run \(TerminalSafety.escaped(listing.run.name))\n")
        for file in listing.run.files {
            let size = EventFileSource.size(file, knownSize: listing.run.listedSize(of: file)) ?? 0
            context.output.write("  \(TerminalSafety.escaped(file))  \(size) bytes\n")
        }
        let text = TableWriter(
            format: .text,
            columns: ["  tag", "kind", "points", "steps", "wall time span"],
            sink: context.output
        )
        for (tag, entry) in listing.tags {
            let steps = entry.first.map { first in
                entry.last.map { $0.step == first.step ? "\(first.step)" : "\(first.step)…\($0.step)" } ?? ""
            }
            text.write([
                .text("  " + tag), .text(entry.info?.kind.rawValue ?? "tensor"), .integer(Int64(entry.points)),
                .text(steps ?? ""), .text(span(entry.latestWallTime - entry.earliestWallTime)),
            ])
        }
        text.finish()
        context.output.write("\n")
    }

    private static func span(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "" }
        if seconds < 120 { return NumberFormatting.text((seconds * 1000).rounded() / 1000) + " s" }
        if seconds < 7200 { return NumberFormatting.text((seconds / 60 * 10).rounded() / 10) + " min" }
        return NumberFormatting.text((seconds / 3600 * 10).rounded() / 10) + " h"
    }
}
