// HistCommand+Percentiles.swift: `hist --percentiles`, the Distributions dashboard's bands of each histogram.

import TensorBoardEvents

extension HistCommand {
    /// The column names of the nine basis points, as percentages of the weight.
    static let percentileColumns = ["0%", "6.68%", "15.87%", "30.85%", "50%", "69.15%", "84.13%", "93.32%", "100%"]

    /// One row per histogram point: its values at ``HistogramCompression/basisPoints``.
    static func writePercentiles(_ runs: [Run], scan: LogScan) throws {
        let table = TableWriter(
            format: scan.options.format,
            columns: ["run", "tag", "step", "wall_time"] + percentileColumns,
            sink: scan.context.output
        )
        defer { table.finish() }
        try RunReaders.writeRows(runs, scan: scan, to: table) { run, scan, row in
            let (purged, _) = try scan.forEachPoint(of: run, kinds: [.histogram]) { point in
                guard case .histogram(let buckets) = point.value else { return }
                let values = HistogramCompression.compress(buckets)
                row(
                    [.text(run.name), .text(point.tag), .integer(point.step), .number(point.wallTime)]
                        + values.map(Cell.number)
                )
            }
            scan.reportPurged(purged, run: run)
        }
    }
}
