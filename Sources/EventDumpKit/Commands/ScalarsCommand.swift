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

        USAGE: eventdump scalars <logdir> [options]

        ARGUMENTS:
          <logdir>                A log directory (runs are the directories holding event files), or one event file.

        OPTIONS:
        \(CommonOptions.help)
          --wide                  One row per run and step, one column per tag (as tbparse's pivot).
          --smooth <weight>       Add TensorBoard's smoothed value (debiased EMA; 0.6 is its default weight).
          --follow                Keep reading as training appends, like tail -f (new files and runs too).
          --interval <seconds>    Seconds between reads with --follow. (default: 0.5)
          -h, --help              Show help information.

        CSV cells holding text a spreadsheet would run as a formula (=, +, -, @ first) get a leading '.

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
        for run in runs {
            let runCell = Cell.text(run.name)
            guard let weight = smoothing else {
                let purged = try scan.forEachScalar(of: run) { tag, step, wallTime, value in
                    table.write([runCell, .text(tag), .integer(step), .number(wallTime), .number(value)])
                }
                scan.reportPurged(purged, run: run)
                continue
            }
            var rows: [(tag: String, step: Int64, wallTime: Double, value: Double)] = []
            let purged = try scan.forEachScalar(of: run) { rows.append(($0, $1, $2, $3)) }
            scan.reportPurged(purged, run: run)
            var positions: [String: [Int]] = [:]
            for (index, row) in rows.enumerated() { positions[row.tag, default: []].append(index) }
            var smoothed = [Double](repeating: 0, count: rows.count)
            for indices in positions.values {
                for (index, value) in zip(indices, Smoothing.smooth(indices.map { rows[$0].value }, weight: weight)) {
                    smoothed[index] = value
                }
            }
            for (index, row) in rows.enumerated() {
                table.write([
                    runCell, .text(row.tag), .integer(row.step), .number(row.wallTime), .number(row.value),
                    .number(smoothed[index]),
                ])
            }
        }
    }

    /// A piece of `scalars` output on its way from the reading thread to the writing one.
    private enum Piece {
        /// The rows that follow belong to this run.
        case run(String)
        /// Points, with the tags of the series they are the first to show (by series index).
        case points([ScalarPoint], newTags: [(Int, String)])
    }

    /// CSV and TSV rows, the fast path: one thread reads, checks and decodes the log (both passes of restart
    /// purging), the calling thread formats and writes the rows. Only the reading thread touches the context's
    /// error stream and damage flag until it is done; only the calling thread touches the output.
    private static func csvRows(_ scan: LogScan, runs: [Run], encoder: ScalarRowEncoder) throws {
        let batchSize = 4096
        var tagNames: [String] = []
        try BatchPipe.run(
            produce: { (send: (Piece) -> Void) throws in
                for run in runs {
                    send(.run(run.name))
                    var seen: [Bool] = []
                    var batch: [ScalarPoint] = []
                    batch.reserveCapacity(batchSize)
                    var newTags: [(Int, String)] = []
                    let purged = try scan.forEachScalarPoint(of: run) { point, tag in
                        let index = point.seriesIndex
                        if index >= seen.count {
                            seen.append(contentsOf: repeatElement(false, count: index - seen.count + 1))
                        }
                        if !seen[index] {
                            seen[index] = true
                            newTags.append((index, tag))
                        }
                        batch.append(point)
                        if batch.count == batchSize {
                            send(.points(batch, newTags: newTags))
                            batch.removeAll(keepingCapacity: true)
                            newTags.removeAll()
                        }
                    }
                    if !batch.isEmpty { send(.points(batch, newTags: newTags)) }
                    scan.reportPurged(purged, run: run)
                }
            },
            consume: { piece in
                switch piece {
                case .run(let name):
                    encoder.flush()
                    encoder.startRun(name)
                    tagNames.removeAll()
                case .points(let points, let newTags):
                    for (index, tag) in newTags {
                        if index >= tagNames.count {
                            tagNames.append(contentsOf: repeatElement("", count: index - tagNames.count + 1))
                        }
                        tagNames[index] = tag
                    }
                    for point in points {
                        encoder.append(
                            seriesIndex: point.seriesIndex,
                            tag: tagNames[point.seriesIndex],
                            step: point.step,
                            wallTime: point.wallTime,
                            value: point.value
                        )
                    }
                }
            }
        )
    }

    /// One row per run and step, a column per tag (the last value when a step repeats), as tbparse pivots.
    private static func wide(_ scan: LogScan, context: CommandContext) throws {
        var tags: Set<String> = []
        var runs: [(name: String, steps: [Int64: [String: Double]])] = []
        for run in try scan.runs() {
            var steps: [Int64: [String: Double]] = [:]
            let purged = try scan.forEachScalar(of: run) { tag, step, _, value in
                tags.insert(tag)
                steps[step, default: [:]][tag] = value
            }
            scan.reportPurged(purged, run: run)
            runs.append((run.name, steps))
        }
        let sortedTags = tags.sorted()
        let table = TableWriter(
            format: scan.options.format,
            columns: ["run", "step"] + sortedTags,
            sink: context.output
        )
        for run in runs {
            for step in run.steps.keys.sorted() {
                let values = run.steps[step] ?? [:]
                table.write([.text(run.name), .integer(step)] + sortedTags.map { Cell.number(values[$0]) })
            }
        }
        table.finish()
    }

    /// Prints points as they are appended (no restart purging: the future is unknown).
    private static func follow(_ scan: LogScan, options: FollowOptions, context: CommandContext) throws {
        guard scan.options.format != .json, scan.options.format != .markdown else {
            throw UsageError("--follow prints rows as they come: use --format text, csv, tsv or jsonl")
        }
        let table = TableWriter(
            format: scan.options.format,
            columns: ["run", "tag", "step", "wall_time", "value"],
            sink: context.output,
            measuredRows: 1
        )
        defer { table.finish() }
        var files: [String: OpenFile] = [:]
        var decoders: [String: RunDecoder] = [:]
        try options.run {
            let runs = (try? scan.runs()) ?? []
            for run in runs {
                var decoder = decoders[run.name] ?? RunDecoder(filter: scan.filter(kinds: [.scalar]))
                for path in run.files {
                    guard let file = files[path] ?? (try? OpenFile(path: path)) else { continue }
                    files[path] = file
                    var points: [ScalarPoint] = []
                    let result = FollowReading.drain(file, context: context) { payload in
                        points.removeAll(keepingCapacity: true)
                        _ = try? decoder.decodeScalars(payload) { points.append($0) }
                        for point in points where scan.options.includesStep(point.step) {
                            table.write([
                                .text(run.name), .text(decoder.tag(ofSeries: point.seriesIndex)), .integer(point.step),
                                .number(point.wallTime), .number(point.value),
                            ])
                        }
                    }
                    if result, scan.options.isStrict { throw StoppedAtDamage() }
                }
                decoders[run.name] = decoder
            }
            context.output.flush()
        }
    }
}

/// Reading what a followed file holds now.
enum FollowReading {
    /// Reads every complete record available in `file`, reporting damage; a partly written last record is left
    /// for the next poll. Returns whether damage was found.
    static func drain(_ file: OpenFile, context: CommandContext, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        var damaged = false
        while true {
            do throws(EventFileError) {
                guard try file.reader.nextRecord({ _, payload in body(payload) }) != nil else { return damaged }
                file.recordIndex += 1
            } catch {
                context.reportDamage(error.description)
                damaged = true
                if !error.isCorruption { return damaged }
            }
        }
    }
}
