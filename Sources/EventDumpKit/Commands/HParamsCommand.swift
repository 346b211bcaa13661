// HParamsCommand.swift: `eventdump hparams`, one row per run with its hyperparameters and metric values.

import TensorBoardEvents

/// `eventdump hparams LOGDIR`: the HParams dashboard as a table.
enum HParamsCommand: Command {
    static let name = "hparams"
    static let abstract = "One row per run with hyperparameters: their values and each metric's best and final value."
    static let help = """
        OVERVIEW: \(abstract)

        A run with hyperparameters is one that holds a session start (_hparams_/session_start_info), as the
        HParams dashboard sees it. Its metrics are those of the experiment (_hparams_/experiment), each the scalar
        series <tag> of the run <session>/<group> (the session run itself for an empty group); best is the lowest
        value for losses and errors, the highest otherwise.

        USAGE: eventdump hparams <logdir> [options]

        OPTIONS:
        \(CommonOptions.help)
          -h, --help              Show help information.

        EXAMPLES:
          eventdump hparams runs --format markdown
        """

    static func run(_ arguments: [String], context: CommandContext) throws {
        let (scan, _) = try HistCommand.parse(arguments, context: context)
        let runs = try scan.runs()
        var sessions: [(run: String, hparams: [String: ProtobufValue], status: String)] = []
        var metrics: [HParamsExperiment.MetricInfo] = []
        // Purged points by run, over both passes, reported once per run.
        var purged: [String: Int] = [:]
        for run in runs {
            var start: HParamsSessionStartInfo?
            var status = ""
            let (purgedPoints, _) = try scan.forEachPoint(of: run, kinds: [.hparams]) { point in
                guard case .hparams(let data) = point.value else { return }
                switch data.data {
                case .sessionStartInfo(let info): start = info
                case .sessionEndInfo(let info):
                    status =
                        ["unknown", "success", "failure", "running"][safe: Int(info.status.rawValue)]
                        ?? String(info.status.rawValue)
                case .experiment(let experiment): if metrics.isEmpty { metrics = experiment.metricInfos }
                case nil: break
                }
            }
            purged[run.name, default: 0] += purgedPoints
            if let start { sessions.append((run.name, start.hparams, status)) }
        }
        let hparamNames = Set(sessions.flatMap { $0.hparams.keys }).sorted()
        var columns = ["run"] + hparamNames
        for metric in metrics {
            let name = metric.group.isEmpty ? metric.tag : metric.group + "/" + metric.tag
            columns += [name + " best", name + " final"]
        }
        columns.append("status")
        // The scalar series each metric reads.
        var series: [String: [Double]] = [:]
        let wanted = Set(sessions.flatMap { session in metrics.map { key(session.run, $0) } })
        for run in try Logdir.discoverRuns(in: scan.logdir).runs
        where wanted.contains(where: { $0.hasPrefix(run.name + "\u{0}") }) {
            purged[run.name, default: 0] += try scan.forEachScalar(of: run) { tag, _, _, value in
                let seriesKey = run.name + "\u{0}" + tag
                if wanted.contains(seriesKey) { series[seriesKey, default: []].append(value) }
            }
        }
        for (name, count) in purged.sorted(by: { $0.key < $1.key }) {
            scan.reportPurged(count, runNamed: name)
        }
        let table = TableWriter(format: scan.options.format, columns: columns, sink: context.output)
        for session in sessions {
            var row: [Cell] = [.text(session.run)]
            for name in hparamNames { row.append(cell(session.hparams[name])) }
            for metric in metrics {
                let values = (series[key(session.run, metric)] ?? []).filter { !$0.isNaN }
                let minimizes = ImprovementRule.direction(ofMetric: metric.tag) == .minimize
                row.append(.number(minimizes ? values.min() : values.max()))
                row.append(.number(values.last))
            }
            row.append(.text(session.status))
            table.write(row)
        }
        table.finish()
    }

    /// The run-and-tag key of a session's metric: the series `<tag>` of run `<session>/<group>`.
    private static func key(_ session: String, _ metric: HParamsExperiment.MetricInfo) -> String {
        let run: String
        if metric.group.isEmpty {
            run = session
        } else {
            run = session == "." ? metric.group : session + "/" + metric.group
        }
        return run + "\u{0}" + metric.tag
    }

    private static func cell(_ value: ProtobufValue?) -> Cell {
        switch value {
        case .number(let number)?: return .number(number)
        case .string(let string)?: return .text(string)
        case .bool(let bool)?: return .text(bool ? "true" : "false")
        case nil, .null?: return .empty
        case .structure?, .list?: return .text("…")
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
