// PRCommand.swift: `eventdump pr`, PR curves, one row per threshold.

import TensorBoardEvents

/// `eventdump pr LOGDIR`: the points of plugin `pr_curves` series, one row per threshold.
enum PRCommand: Command {
    static let name = "pr"
    static let abstract = "Print PR curves, one row per threshold (tp, fp, tn, fn, precision, recall)."
    static let help = """
        OVERVIEW: \(abstract)

        The series of plugin pr_curves (tf.summary pr_curve, tensorboardX add_pr_curve, SummaryWriter.prCurve),
        each point a [6, n] tensor: one row per threshold, with the threshold as TensorBoard computes it
        (np.linspace(0, 1, n): i × (1 / (n − 1))) and the six values as stored (counts may be weighted, so they
        print as numbers). Every threshold is printed, as tbparse and the stored tensor give them; the PR Curves
        dashboard's HTTP route leaves out the trailing thresholds where tp + fp = 0 (precision undefined).
        A tensor that is not [6, n] is skipped with a note. The tensor points of a run are held until the run
        is read, since a series' plugin may be named after its first points.

        \(CommonOptions.usage(command: "pr"))

        EXAMPLES:
          eventdump pr runs --format csv > pr.csv
          eventdump pr runs --tag 'pr/.*' --steps 10:10
        """

    static func run(_ arguments: [String], context: CommandContext) throws {
        let (scan, _) = try HistCommand.parse(arguments, context: context)
        let table = TableWriter(
            format: scan.options.format,
            columns: ["run", "tag", "step", "threshold", "tp", "fp", "tn", "fn", "precision", "recall"],
            sink: context.output
        )
        defer { table.finish() }
        try RunReaders.writeRows(try scan.runs(), scan: scan, to: table) { run, scan, row in
            var points: [DataPoint] = []
            let (purged, series) = try scan.forEachPoint(of: run, kinds: [.tensor]) { points.append($0) }
            scan.reportPurged(purged, run: run)
            let curveTags = Set(series.filter { $0.pluginName == "pr_curves" }.map(\.tag))
            for point in points where curveTags.contains(point.tag) {
                guard case .tensor(let tensor) = point.value, let curve = PRCurveTable(tensor) else {
                    scan.context.note(
                        "run \(run.name), tag \(point.tag), step \(point.step): not a [6, n] numeric PR curve tensor: skipped"
                    )
                    continue
                }
                for curveRow in curve.rows {
                    row([
                        .text(run.name), .text(point.tag), .integer(point.step), .number(curveRow.threshold),
                        .number(curveRow.truePositives), .number(curveRow.falsePositives),
                        .number(curveRow.trueNegatives), .number(curveRow.falseNegatives),
                        .number(curveRow.precision), .number(curveRow.recall),
                    ])
                }
            }
        }
    }
}
