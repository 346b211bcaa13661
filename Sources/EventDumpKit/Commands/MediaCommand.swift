// MediaCommand.swift: what `eventdump images` and `eventdump audio` share: listing or exporting media items.

import TensorBoardEvents

/// Runs `images` or `audio`: without `--output`, a table of the items; with `--output DIR`, each item's stored
/// bytes written as a file (see ``ExportPath`` for the paths, ``MediaExporter`` for overwriting).
enum MediaCommand {
    /// What the two commands differ in.
    struct Kind {
        /// The series kind read.
        var seriesKind: SeriesKind
        /// What one item is called, singular and plural.
        var noun: (one: String, many: String)
        /// Whether the listing shows width and height.
        var showsSize: Bool
    }

    /// The options besides the common ones.
    static let valueOptions: Set<String> = ["--output"]
    /// The flags besides the common ones.
    static let flagOptions: Set<String> = ["--force"]

    /// The help section for `--output` and `--force`.
    static func exportHelp(noun: String) -> String {
        """
          --output <dir>          Write each \(noun) as a file under <dir> (created if missing) instead of listing.
          --force                 With --output, replace files that exist (by default the export stops there).
        """
    }

    /// Parses the arguments and lists or exports the items.
    static func run(_ kind: Kind, _ arguments: [String], context: CommandContext) throws {
        let parsed = try ArgumentList(
            arguments,
            valueOptions: CommonOptions.valueOptions.union(valueOptions),
            flagOptions: CommonOptions.flagOptions.union(flagOptions)
        )
        let logdir = try parsed.onlyPositional(named: "<logdir>")
        let options = try CommonOptions(parsed, defaultFormat: defaultFormat(for: context.output))
        let output = parsed.value("--output")
        if output == nil, parsed.has("--force") { throw UsageError("--force applies to --output only") }
        if output != nil, parsed.value("--format") != nil {
            throw UsageError("--format applies to the listing; --output writes files and prints no table")
        }
        if output == "" { throw UsageError("--output takes a directory") }
        let scan = LogScan(logdir: logdir, options: options, context: context)
        if let output {
            try export(kind, scan, exporter: MediaExporter(directory: output, replacesFiles: parsed.has("--force")))
        } else {
            try list(kind, scan)
        }
    }

    /// Calls `body` with every item of the kind, run by run in reading order (the runs read by ``RunReaders``,
    /// a point's items handed over together).
    private static func forEachItem(_ kind: Kind, _ scan: LogScan, _ body: (MediaItem) throws -> Void) throws {
        try RunReaders.forEach(
            try scan.runs(),
            scan: scan,
            read: { run, scan, emitter in
                let (purged, _) = try scan.forEachPoint(of: run, kinds: [kind.seriesKind]) { point in
                    let items = MediaItem.items(of: point, run: run.name)
                    if !items.isEmpty { emitter.emit(items) }
                }
                scan.reportPurged(purged, run: run)
            },
            consume: { (items: [MediaItem]) in
                for item in items { try body(item) }
            }
        )
    }

    private static func list(_ kind: Kind, _ scan: LogScan) throws {
        let columns = ["run", "tag", "step", "wall_time", "index"] + (kind.showsSize ? ["width", "height"] : [])
        let table = TableWriter(
            format: scan.options.format,
            columns: columns + ["bytes", "format"],
            sink: scan.context.output
        )
        try forEachItem(kind, scan) { item in
            var row: [Cell] = [
                .text(item.run), .text(item.tag), .integer(item.step), .number(item.wallTime),
                .integer(Int64(item.index)),
            ]
            if kind.showsSize {
                row += [.integer(item.size.map { Int64($0.width) }), .integer(item.size.map { Int64($0.height) })]
            }
            row += [.integer(Int64(item.bytes.count)), .text(MediaFormat(of: item.bytes).rawValue)]
            table.write(row)
        }
        table.finish()
    }

    private static func export(_ kind: Kind, _ scan: LogScan, exporter: MediaExporter) throws {
        var exporter = exporter
        var unknownCount = 0
        try forEachItem(kind, scan) { item in
            let path = item.relativePath
            if MediaFormat(of: item.bytes) == .unknown {
                unknownCount += 1
                if unknownCount == 1 {
                    scan.context.note(
                        "run \(item.run), tag \(item.tag), step \(item.step): \(kind.noun.one) \(item.index) is in no format this tool knows: written as .bin, bytes as stored"
                    )
                }
            }
            if try exporter.write(item.bytes, to: path) {
                scan.context.note(
                    "run \(item.run), tag \(item.tag): step \(item.step) is logged more than once: \(path) holds the last"
                )
            }
        }
        if unknownCount > 1 {
            scan.context.note("\(unknownCount) \(kind.noun.many) in all were written as .bin")
        }
        let count = exporter.fileCount
        scan.context.errors.write(
            "wrote \(count) \(count == 1 ? kind.noun.one : kind.noun.many) (\(exporter.byteCount) bytes) under \(TerminalSafety.escaped(exporter.directory))\n"
        )
    }
}
