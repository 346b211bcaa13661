// ScalarsCommand+CSV.swift: the fast path of `eventdump scalars --format csv|tsv`, reading and writing on two
// threads.

import TensorBoardEvents

extension ScalarsCommand {
    /// Points handed over at a time: enough that handing over costs little per point, few enough that a batch
    /// stays in the cache between the threads.
    private static let batchSize = 4096

    /// A piece of `scalars` output on its way from the reading thread to the writing one.
    fileprivate enum Piece {
        /// The rows that follow belong to this run.
        case run(String)
        /// Points, with the tags of the series they are the first to name (by series index; series with no
        /// point among them too), and texts of their numbers when the reading thread had time to make them.
        case points([ScalarPoint], newTags: [(Int, String)], texts: ScalarRowEncoder.PreparedTexts?)
        /// Damage found and notes made while reading the points sent before.
        case diagnostics([Diagnostic])
    }

    /// CSV and TSV rows, the fast path: one thread reads, checks and decodes the log (both passes of restart
    /// purging), the calling thread formats and writes the rows. Only the calling thread touches the output,
    /// the error stream and the damage flag: the reading thread holds its diagnostics and sends them after the
    /// points read before them, so a warning never comes before rows that precede the damage, and none is
    /// reported once the output is gone (`eventdump ... | head` ends quietly, however far ahead reading was).
    static func csvRows(_ scan: LogScan, runs: [Run], encoder: ScalarRowEncoder) throws {
        let context = scan.context
        let reading = context.holdingDiagnostics()
        var readingScan = scan
        readingScan.context = reading
        do {
            try pipeRows(readingScan, holding: reading, runs: runs, encoder: encoder, reportingTo: context)
        } catch is StoppedAtDamage where context.isOutputClosed {
            throw OutputClosed()  // `--strict` stopped at damage that came after what could be shown
        }
    }

    /// Runs the two threads of ``csvRows(_:runs:encoder:)``: `readingScan` reads with `reading`, a context
    /// holding its diagnostics, which are reported to `context` in order with the rows.
    private static func pipeRows(
        _ readingScan: LogScan,
        holding reading: CommandContext,
        runs: [Run],
        encoder: ScalarRowEncoder,
        reportingTo context: CommandContext
    ) throws {
        var tagNames: [String] = []
        try BatchPipe.run(
            produce: { (pipe: BatchPipe.Sender<Piece>) throws in
                let send = pipe.send
                func sendHeld() {
                    let held = reading.takeHeldDiagnostics()
                    if !held.isEmpty { send(.diagnostics(held)) }
                }
                defer { sendHeld() }  // also before an error (`--strict`'s stop) is passed on
                for run in runs {
                    send(.run(run.name))
                    try sendPoints(of: run, scan: readingScan, pipe: pipe) { piece in
                        send(piece)
                        sendHeld()
                    }
                    sendHeld()  // the run's purge note, its truncated tail
                }
            },
            consume: { piece in
                switch piece {
                case .run(let name):
                    encoder.flush()
                    encoder.startRun(name)
                    tagNames.removeAll()
                case .points(let points, let newTags, let texts):
                    for (index, tag) in newTags {
                        if index >= tagNames.count {
                            tagNames.append(contentsOf: repeatElement("", count: index - tagNames.count + 1))
                        }
                        tagNames[index] = tag
                    }
                    encoder.append(points, tags: tagNames, texts: texts)
                case .diagnostics(let diagnostics):
                    encoder.flush()
                    context.output.flush()  // the rows before the damage, then the warning
                    guard !context.isOutputClosed else { return }
                    for diagnostic in diagnostics { context.report(diagnostic) }
                    context.errors.flush()
                }
            }
        )
    }

    /// Reads a run's kept points and sends them in batches, each with the tags of the series it is the first to
    /// name; reports the points purging dropped. The rows read before an error (`--strict`'s stop, a failed
    /// read) are sent before it is rethrown.
    ///
    /// Formatting the rows costs about twice what reading the points does, so while batches queue up in `pipe`
    /// (the writing thread is behind) this thread also makes the texts of the values, and of the wall times
    /// too when the queue is longer: the two threads then share the work about evenly, whichever machine runs
    /// them.
    private static func sendPoints(
        of run: Run,
        scan: LogScan,
        pipe: BatchPipe.Sender<Piece>,
        send: (Piece) -> Void
    ) throws {
        let purged = try scan.forEachScalarBatch(of: run, batchSize: batchSize) { points, newTags in
            let backlog = pipe.backlog
            let texts = backlog >= 2 ? ScalarRowEncoder.PreparedTexts(points, withWallTimes: backlog >= 3) : nil
            send(.points(points, newTags: newTags, texts: texts))
        }
        scan.reportPurged(purged, run: run)
    }
}
