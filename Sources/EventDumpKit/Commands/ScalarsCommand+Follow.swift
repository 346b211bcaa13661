// ScalarsCommand+Follow.swift: `eventdump scalars --follow`, printing points as training appends them.

import TensorBoardEvents

extension ScalarsCommand {
    /// Prints points as they are appended (no restart purging: the future is unknown).
    static func follow(_ scan: LogScan, options: FollowOptions, context: CommandContext) throws {
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
