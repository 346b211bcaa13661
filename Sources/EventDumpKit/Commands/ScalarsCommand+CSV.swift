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
        /// point among them too).
        case points([ScalarPoint], newTags: [(Int, String)])
    }

    /// CSV and TSV rows, the fast path: one thread reads, checks and decodes the log (both passes of restart
    /// purging), the calling thread formats and writes the rows. Only the reading thread touches the context's
    /// error stream and damage flag until it is done; only the calling thread touches the output.
    static func csvRows(_ scan: LogScan, runs: [Run], encoder: ScalarRowEncoder) throws {
        var tagNames: [String] = []
        try BatchPipe.run(
            produce: { (send: (Piece) -> Void) throws in
                for run in runs {
                    send(.run(run.name))
                    try sendPoints(of: run, scan: scan, send: send)
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
                    encoder.append(points, tags: tagNames)
                }
            }
        )
    }

    /// Reads a run's kept points and sends them in batches, each with the tags of the series it is the first to
    /// name; reports the points purging dropped. The rows read before an error (`--strict`'s stop, a failed
    /// read) are sent before it is rethrown.
    private static func sendPoints(of run: Run, scan: LogScan, send: (Piece) -> Void) throws {
        let purged = try scan.forEachScalarBatch(of: run, batchSize: batchSize) { points, newTags in
            send(.points(points, newTags: newTags))
        }
        scan.reportPurged(purged, run: run)
    }
}
