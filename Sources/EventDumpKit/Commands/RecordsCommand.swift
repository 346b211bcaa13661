// RecordsCommand.swift: `eventdump records`, one line per record of one event file.

import TensorBoardEvents

/// `eventdump records FILE`: the low-level view for inspecting a damaged file.
enum RecordsCommand: Command {
    static let name = "records"
    static let abstract = "List the records of one event file: offset, length, checksums, step, content."
    static let help = """
        OVERVIEW: \(abstract)

        Damaged data is listed where it is: a corrupt stretch as one row with the bytes skipped to reach the next
        good record, a truncated tail as a last row. Ends with the counts of good, corrupt and truncated records
        (on standard output for text and Markdown, on standard error for the machine formats).

        USAGE: eventdump records <file> [options]

        ARGUMENTS:
          <file>                  An event file.

        OPTIONS:
          --format <format>       Output format. (values: \(OutputFormat.valueList); default: text on a terminal, csv otherwise)
          --strict                Stop at the first damaged record.
          --follow                Keep reading as the file grows, like tail -f.
          --interval <seconds>    Seconds between reads with --follow. (default: 0.5)
          -h, --help              Show help information.

        EXAMPLES:
          eventdump records runs/demo/train/events.out.tfevents.1700000000.host.42.0.v2
          eventdump records damaged.tfevents --format csv
        """

    static func run(_ arguments: [String], context: CommandContext) throws {
        let parsed = try ArgumentList(
            arguments,
            valueOptions: FollowOptions.valueOptions.union(["--format"]),
            flagOptions: ["--strict", "--follow"]
        )
        let path = try parsed.onlyPositional(named: "<file>")
        let format =
            try parsed.value("--format").map { name throws(UsageError) -> OutputFormat in
                guard let format = OutputFormat(rawValue: name) else {
                    throw UsageError("unknown format '\(name)' (values: \(OutputFormat.valueList))")
                }
                return format
            } ?? defaultFormat(for: context.output)
        let strict = parsed.has("--strict")
        let table = TableWriter(
            format: format,
            columns: ["offset", "length", "status", "wall_time", "step", "content"],
            sink: context.output,
            measuredRows: parsed.has("--follow") ? 1 : 500
        )
        var reader = try EventFileReader(path: path)
        var decoder = RunDecoder()
        var counts = (good: 0, corrupt: 0, invalid: 0)
        func readAvailable() throws -> Bool {
            while true {
                let next: Result<Bool, EventFileError>
                do throws(EventFileError) {
                    next = .success(
                        try reader.nextRecord { offset, payload -> Bool in
                            var points: [DataPoint] = []
                            do throws(WireDecodingError) {
                                let header = try decoder.decode(payload) { points.append($0) }
                                counts.good += 1
                                table.write([
                                    .integer(offset), .integer(Int64(payload.count)), .text("ok"),
                                    .number(header.wallTime), .integer(header.step),
                                    .text(describe(header, points: points, decoder: decoder)),
                                ])
                            } catch {
                                counts.invalid += 1
                                table.write([
                                    .integer(offset), .integer(Int64(payload.count)), .text("invalid event"), .empty,
                                    .empty, .text("\(error)"),
                                ])
                                context.reportDamage(
                                    EventFileError(.invalidEvent(error), path: path, offset: offset).description
                                )
                            }
                            return true
                        } != nil
                    )
                } catch {
                    next = .failure(error)
                }
                switch next {
                case .success(true):
                    if strict && counts.invalid > 0 { return true }
                case .success(false): return false
                case .failure(let error) where error.isCorruption:
                    counts.corrupt += 1
                    table.write([
                        .integer(error.offset), .integer(error.skippedBytes), .text("corrupt"), .empty, .empty,
                        .text(error.reason),
                    ])
                    context.reportDamage(error.description)
                    if strict { return true }
                case .failure(let error): throw error
                }
            }
        }
        var stopped = false
        if parsed.has("--follow") {
            try FollowOptions(parsed).run {
                if !stopped { stopped = try readAvailable() }
                context.output.flush()
            }
        } else {
            stopped = try readAvailable()
        }
        let truncated = !stopped && reader.pendingByteCount > 0
        if truncated {
            table.write([
                .integer(reader.offset), .integer(Int64(reader.pendingByteCount)), .text("truncated"), .empty, .empty,
                .text("incomplete last record"),
            ])
            context.reportDamage(
                "\(path): offset \(reader.offset): truncated record (\(reader.pendingByteCount) bytes at the end of the file)"
            )
        }
        table.finish()
        let line = "\(counts.good) good, \(counts.corrupt + counts.invalid) corrupt, \(truncated ? 1 : 0) truncated\n"
        if format == .text || format == .markdown { context.output.write(line) } else { context.errors.write(line) }
        if stopped { throw StoppedAtDamage() }
    }

    /// What an event holds, in a few words.
    private static func describe(_ header: EventHeader, points: [DataPoint], decoder: RunDecoder) -> String {
        switch header.content {
        case .none: return "(empty)"
        case .fileVersion(let version): return "file_version \(version)"
        case .summary(let count):
            let kinds = Dictionary(
                decoder.series.map { ($0.tag, $0.kind.rawValue) },
                uniquingKeysWith: { first, _ in first }
            )
            let tags = points.map { "\($0.tag) (\(kinds[$0.tag] ?? "tensor"))" }
            return "summary: \(count) value\(count == 1 ? "" : "s")"
                + (tags.isEmpty ? "" : ": " + tags.joined(separator: ", "))
        case .sessionLog(let status):
            let names = [0: "STATUS_UNSPECIFIED", 1: "START", 2: "STOP", 3: "CHECKPOINT"]
            return "session_log \(names[Int(status.rawValue)] ?? String(status.rawValue))"
        case .graphDef: return "graph_def"
        case .logMessage: return "log_message"
        case .taggedRunMetadata: return "tagged_run_metadata"
        case .metaGraphDef: return "meta_graph_def"
        }
    }
}
