// HParamsCommand.swift: `eventdump hparams`, one row per run with its hyperparameters and metric values.

import TensorBoardEvents
import TensorBoardMonitoring

/// `eventdump hparams LOGDIR`: the HParams dashboard as a table.
enum HParamsCommand: Command {
    static let name = "hparams"
    static let abstract = "One row per run with hyperparameters: their values and each metric's best and final value."
    static let help = """
        OVERVIEW: \(abstract)

        A run with hyperparameters is one that holds a session start (_hparams_/session_start_info), as the
        HParams dashboard sees it. The metrics are those of the experiment (_hparams_/experiment; the first one
        found, as the dashboard picks one), each the scalar series <tag> of the run <session>/<group> (the
        session run itself for an empty group). When the log holds no experiment, the metrics are inferred as
        the dashboard infers them: every scalar tag of a listed session's run and of the runs below it, the
        group being the path below the session (a run below two sessions belongs to the nearer one). A sweep
        (TensorBoardTraining's Sweep, or hp.hparams_config with hp.hparams) has its experiment in the sweep's own
        run and a session in each trial's run: one row per trial, with the experiment's metrics.

        --run picks the sessions listed; --tag picks the metrics (the hyperparameters are always read). Best
        is the lowest value for losses and errors, the highest otherwise; final is the last value; NaN is left
        out of both.

        \(CommonOptions.usage(command: "hparams"))

        EXAMPLES:
          eventdump hparams runs --format markdown
          eventdump hparams runs --tag accuracy --format csv
          eventdump hparams runs/digits-sweep            (train-demo --sweep: a row per trial)
        """

    /// A run's hyperparameters and how its session ended.
    private struct Session {
        var run: String
        var hparams: [String: ProtobufValue]
        var status: String
    }

    /// A scalar series' lowest, highest and last value, NaN left out.
    private struct Stats {
        var minimum = Double.infinity
        var maximum = -Double.infinity
        var last: Double?

        mutating func add(_ value: Double) {
            guard !value.isNaN else { return }
            minimum = min(minimum, value)
            maximum = max(maximum, value)
            last = value
        }
    }

    /// What one reading of the log gives: the sessions (of the runs `--run` picks), the first experiment's
    /// metrics, and every scalar series' statistics by run and tag.
    private struct HParamsLog {
        var sessions: [Session] = []
        var sessionRuns: Set<String> = []
        var experimentMetrics: [HParamsPluginData.Experiment.MetricInfo]?
        var series: [String: [String: Stats]] = [:]
    }

    static func run(_ arguments: [String], context: CommandContext) throws {
        let (commonScan, _) = try HistCommand.parse(arguments, context: context)
        let scan = LogScan(
            logdir: commonScan.logdir,
            options: commonScan.options,
            context: context,
            tagPrefixReadAlways: "_hparams_/"
        )
        let log = try read(scan)
        let metrics = (log.experimentMetrics ?? inferredMetrics(log)).filter { scan.options.includesTag($0.tag) }
        let hparamNames = Set(log.sessions.flatMap { $0.hparams.keys }).sorted()
        // Hparam and metric names are the log's text: headed as they are, never re-cased.
        var columns = ["run"] + hparamNames
        var titles = ["RUN"] + hparamNames
        for metric in metrics {
            let name = metric.group.isEmpty ? metric.tag : metric.group + "/" + metric.tag
            columns += [name + " best", name + " final"]
            titles += [name + " BEST", name + " FINAL"]
        }
        columns.append("status")
        titles.append("STATUS")
        let table = TableWriter(format: scan.options.format, columns: columns, titles: titles, sink: context.output)
        for session in log.sessions {
            var row: [Cell] = [.text(session.run)]
            for name in hparamNames { row.append(cell(session.hparams[name])) }
            for metric in metrics {
                let stats = log.series[metricRun(of: metric, session: session.run)]?[metric.tag]
                let minimizes = ImprovementRule.direction(ofMetric: metric.tag) == .minimize
                row.append(.number(stats?.last == nil ? nil : minimizes ? stats?.minimum : stats?.maximum))
                row.append(.number(stats?.last))
            }
            row.append(.text(session.status))
            table.write(row)
        }
        table.finish()
    }

    /// Reads every run once (metric series may be in runs `--run` leaves out): hyperparameter summaries and
    /// scalars, restart purging applied and reported per run.
    private static func read(_ scan: LogScan) throws -> HParamsLog {
        var log = HParamsLog()
        try RunReaders.forEachResult(try scan.allRuns(), scan: scan, read: readRun) { run, read in
            log.series[run.name] = read.series
            if log.experimentMetrics == nil { log.experimentMetrics = read.experimentMetrics }
            if let start = read.start {
                log.sessionRuns.insert(run.name)
                if scan.options.includesRun(run.name) {
                    log.sessions.append(Session(run: run.name, hparams: start.hparams, status: read.status))
                }
            }
        }
        return log
    }

    /// What ``read(_:)`` takes from one run.
    private struct RunHParams {
        var start: HParamsPluginData.SessionStartInfo?
        var status = ""
        var series: [String: Stats] = [:]
        /// The metrics of the run's first experiment summary, if it has one.
        var experimentMetrics: [HParamsPluginData.Experiment.MetricInfo]?
    }

    private static func readRun(_ run: Run, _ scan: LogScan) throws -> RunHParams {
        var read = RunHParams()
        let (purged, _) = try scan.forEachPoint(of: run, kinds: [.hparams, .scalar]) { point in
            if let value = point.value.scalar {
                read.series[point.tag, default: Stats()].add(value)
                return
            }
            guard case .hparams(let data) = point.value else { return }
            switch data.data {
            case .sessionStartInfo(let info): read.start = info
            case .sessionEndInfo(let info):
                read.status =
                    ["unknown", "success", "failure", "running"][safe: Int(info.status.rawValue)]
                    ?? String(info.status.rawValue)
            case .experiment(let experiment):
                if read.experimentMetrics == nil { read.experimentMetrics = experiment.metricInfos }
            case nil: break
            }
        }
        scan.reportPurged(purged, run: run)
        return read
    }

    /// The metrics the HParams dashboard infers when no experiment is written: each scalar series of a listed
    /// session's run or a run below it, as (tag, group) with the group the path from the nearest session run
    /// down to the series' run; sorted by tag, then group.
    private static func inferredMetrics(_ log: HParamsLog) -> [HParamsPluginData.Experiment.MetricInfo] {
        let listed = Set(log.sessions.map(\.run))
        var names: Set<[String]> = []
        for (run, tags) in log.series {
            guard let session = nearestSession(of: run, among: log.sessionRuns), listed.contains(session) else {
                continue
            }
            let group = run == session ? "" : String(run.dropFirst(session.count + 1))
            for tag in tags.keys { names.insert([tag, group]) }
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }.map { .init(group: $0[1], tag: $0[0]) }
    }

    /// The run itself if it is a session, else its nearest ancestor that is (by path: `a/b` is below `a`), as
    /// the dashboard finds it; the log directory's own run `.` is the session of no other run.
    private static func nearestSession(of run: String, among sessions: Set<String>) -> String? {
        var path = Substring(run)
        while !path.isEmpty {
            if sessions.contains(String(path)) { return String(path) }
            guard let slash = path.lastIndex(of: "/") else { return nil }
            path = path[..<slash]
        }
        return nil
    }

    /// The run holding a session's metric: `<session>/<group>`, the session itself for an empty group.
    private static func metricRun(of metric: HParamsPluginData.Experiment.MetricInfo, session: String) -> String {
        if metric.group.isEmpty { return session }
        return session == "." ? metric.group : session + "/" + metric.group
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
    /// The element at `index`, or `nil` when the index is out of range.
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
