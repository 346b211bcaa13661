// ScalarsCommand.swift: `eventdump scalars`, every scalar point of a log directory as a table.

import TensorBoardEvents

/// `eventdump scalars LOGDIR`: one row per scalar point (run, tag, step, wall time, value), in the order read.
enum ScalarsCommand: Command {
    static let name = "scalars"
    static let abstract = "Print every scalar point of a log directory, one row per point."
    static let help = """
        OVERVIEW: \(abstract)

        Runs are read in name order, each run's event files in name order, and points in file order. Values are
        printed so that they read back exactly (32-bit values widened to doubles); NaN and infinities are spelled
        out. Damaged records are reported on standard error with their file and byte offset, and every intact
        record is still printed.

        USAGE: eventdump scalars <logdir> [--format <format>]

        ARGUMENTS:
          <logdir>                A log directory (runs are its subdirectories holding event files), or one event file.

        OPTIONS:
          --format <format>       Output format. (values: csv, jsonl; default: csv)
          -h, --help              Show help information.

        EXAMPLES:
          eventdump scalars runs/demo
          eventdump scalars runs/demo --format jsonl
        """

    enum Format: String {
        case csv, jsonl
    }

    static func run(_ arguments: [String], context: CommandContext) throws {
        let parsed = try ArgumentList(arguments, valueOptions: ["--format"], flagOptions: [])
        guard parsed.positionals.count == 1, let logdir = parsed.positionals.first else {
            throw UsageError(parsed.positionals.isEmpty ? "missing <logdir>" : "expected one <logdir>")
        }
        let formatName = parsed.value("--format") ?? "csv"
        guard let format = Format(rawValue: formatName) else {
            throw UsageError("unknown format '\(formatName)' (values: csv, jsonl)")
        }
        let (runs, problems) = try Logdir.discoverRuns(in: logdir)
        for problem in problems { context.reportDamage(problem.description) }
        if format == .csv { context.output.write("run,tag,step,wall_time,value\n") }
        for run in runs {
            var decoder = RunDecoder(filter: RunDecoder.Filter(kinds: [.scalar]))
            let runField = format == .csv ? CSV.field(run.name) : JSON.string(run.name)
            var tagFields: [String: String] = [:]
            for file in run.files {
                try EventStream.forEachRecord(in: file, context: context) { offset, payload in
                    do throws(WireDecodingError) {
                        _ = try decoder.decode(payload) { point in
                            guard case .scalar(let value) = point.value else { return }
                            let tagField = tagFields[point.tag] ?? {
                                let field = format == .csv ? CSV.field(point.tag) : JSON.string(point.tag)
                                tagFields[point.tag] = field
                                return field
                            }()
                            switch format {
                            case .csv:
                                context.output.write(
                                    "\(runField),\(tagField),\(point.step),\(NumberFormatting.text(point.wallTime)),\(NumberFormatting.text(value))\n"
                                )
                            case .jsonl:
                                context.output.write(
                                    "{\"run\":\(runField),\"tag\":\(tagField),\"step\":\(point.step),\"wall_time\":\(NumberFormatting.json(point.wallTime)),\"value\":\(NumberFormatting.json(value))}\n"
                                )
                            }
                        }
                    } catch {
                        context.reportDamage(EventFileError(.invalidEvent(error), path: file, offset: offset).description)
                    }
                }
            }
        }
    }
}
