// ScalarsCommand+CSV.swift: the fast path of `eventdump scalars --format csv|tsv`, reading and writing on two
// threads.

import TensorBoardEvents

extension ScalarsCommand {
    /// Points handed over at a time: enough that handing over costs little per point, few enough that a batch
    /// stays in the cache between the threads.
    private static let batchSize = 4096

    /// A piece of `scalars` output on its way from a reading thread to the writing one.
    fileprivate enum Piece {
        /// The rows that follow belong to this run.
        case run(String)
        /// Points, with the tags of the series they are the first to name (by series index; series with no
        /// point among them too), and texts of their numbers when the reading thread had time to make them.
        case points([ScalarPoint], newTags: [(Int, String)], texts: ScalarRowEncoder.PreparedTexts?)
    }

    /// CSV and TSV rows, the fast path: reading threads (``RunReaders``) read, check and decode the runs (both
    /// passes of restart purging), the calling thread formats and writes the rows. Only the calling thread
    /// touches the output, the error stream and the damage flag, so a warning never comes before rows that
    /// precede the damage, and none is reported once the output is gone (`eventdump ... | head` ends quietly,
    /// however far ahead reading was).
    static func csvRows(_ scan: LogScan, runs: [Run], encoder: ScalarRowEncoder) throws {
        var tagNames: [String] = []
        do {
            try RunReaders.forEach(
                runs,
                scan: scan,
                read: { run, scan, emitter in
                    emitter.emit(.run(run.name))
                    try emitPoints(of: run, scan: scan, emitter: emitter)
                },
                flush: { encoder.flush() },
                consume: { (piece: Piece) in
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
                    }
                }
            )
        } catch is StoppedAtDamage where scan.context.isOutputClosed {
            throw OutputClosed()  // `--strict` stopped at damage that came after what could be shown
        }
    }

    /// Reads a run's kept points and emits them in batches, each with the tags of the series it is the first to
    /// name; reports the points purging dropped. The rows read before an error (`--strict`'s stop, a failed
    /// read) are emitted before it is rethrown.
    ///
    /// Formatting the rows costs about twice what reading the points does, so while batches queue up for the run
    /// (the writing thread is behind, or this run is not yet being written) this thread also makes the texts of
    /// the values, and of the wall times too when the queue is longer: the threads then share the work about
    /// evenly, whichever machine runs them.
    private static func emitPoints(of run: Run, scan: LogScan, emitter: RunReaders.Emitter<Piece>) throws {
        let purged = try scan.forEachScalarBatch(of: run, batchSize: batchSize) { points, newTags in
            let backlog = emitter.backlog
            let texts = backlog >= 2 ? ScalarRowEncoder.PreparedTexts(points, withWallTimes: backlog >= 3) : nil
            emitter.emit(.points(points, newTags: newTags, texts: texts))
        }
        scan.reportPurged(purged, run: run)
    }
}
