// CompareCommand.swift: `eventdump compare`, training against validation, epoch by epoch.

import TensorBoardEvents

/// `eventdump compare LOGDIR`: training and validation values per epoch, their gap, and what they say.
enum CompareCommand: Command {
    static let name = "compare"
    static let abstract =
        "Compare training with validation per epoch: both values, the gap, overfitting, early stopping."
    static let help = """
        OVERVIEW: \(abstract)

        Pairs are found as Keras writes them (sibling runs train/ and validation/ with the same epoch_<metric>
        tags; the pair is named after their parent run) or as x and val_x tags in one run. For each metric, the
        per-epoch table has both values and the gap (validation − training); then the analysis gives the epoch
        where validation stopped improving (its best), the epoch where overfitting began (for losses: validation
        loss rising while training loss still falls, judged on trends over --window epochs), and the epoch after
        which an early-stopping rule with --patience and --min-delta would have stopped training (Keras's rule).

        In text and Markdown both tables are printed; in the machine formats the per-epoch table, or with
        --analysis the analysis table.

        USAGE: eventdump compare <logdir> [options]

        OPTIONS:
        \(CommonOptions.help)
          --patience <n>          Early-stopping patience in epochs. (default: 5)
          --min-delta <x>         Early-stopping minimum improvement. (default: 0)
          --window <n>            Epochs per trend window for overfitting. (default: 5)
          --analysis              Print only the analysis table.
          -h, --help              Show help information.

        EXAMPLES:
          eventdump compare runs/demo
          eventdump compare runs --tag loss --patience 3 --analysis --format csv
        """

    private struct Pair {
        var group: String
        var metric: String
        var training: [Int64: Double] = [:]
        var validation: [Int64: Double] = [:]
    }

    static func run(_ arguments: [String], context: CommandContext) throws {
        let parsed = try ArgumentList(
            arguments,
            valueOptions: CommonOptions.valueOptions.union(["--patience", "--min-delta", "--window"]),
            flagOptions: CommonOptions.flagOptions.union(["--analysis"])
        )
        let logdir = try parsed.onlyPositional(named: "<logdir>")
        let options = try CommonOptions(parsed, defaultFormat: defaultFormat(for: context.output, fallback: .text))
        let patience = try integer(parsed, "--patience", default: 5, minimum: 0)
        let window = try integer(parsed, "--window", default: 5, minimum: 2)
        let minDelta =
            try parsed.value("--min-delta").map { text throws(UsageError) -> Double in
                guard let value = Double(text), value >= 0 else {
                    throw UsageError("--min-delta takes a non-negative number. Received: \(text)")
                }
                return value
            } ?? 0
        let scan = LogScan(logdir: logdir, options: options, context: context)
        let pairs = try collectPairs(scan)
        if pairs.isEmpty {
            context.errors.write(
                "note: no training/validation pairs found (train/ and validation/ runs, or x and val_x tags)\n"
            )
        }
        let showsBoth = options.format == .text || options.format == .markdown
        if showsBoth || !parsed.has("--analysis") {
            let table = TableWriter(
                format: options.format,
                columns: ["pair", "metric", "epoch", "training", "validation", "gap"],
                sink: context.output
            )
            for pair in pairs {
                for step in Set(pair.training.keys).union(pair.validation.keys).sorted() {
                    let training = pair.training[step]
                    let validation = pair.validation[step]
                    let gap = training.flatMap { train in validation.map { $0 - train } }
                    table.write([
                        .text(pair.group), .text(pair.metric), .integer(step), .number(training), .number(validation),
                        .number(gap),
                    ])
                }
            }
            table.finish()
        }
        if showsBoth { context.output.write("\n") }
        if showsBoth || parsed.has("--analysis") {
            let table = TableWriter(
                format: options.format,
                columns: ["pair", "metric", "best_epoch", "best_validation", "overfitting_from", "early_stop_after"],
                sink: context.output
            )
            for pair in pairs {
                let steps = pair.validation.keys.sorted()
                let values = steps.compactMap { pair.validation[$0] }
                let direction = ImprovementRule.direction(ofMetric: pair.metric) ?? .minimize
                let rule = ImprovementRule(direction: direction, minDelta: minDelta)
                var best: (step: Int64, value: Double)?
                for (step, value) in zip(steps, values)
                where ImprovementRule(direction: direction).isImprovement(value, over: best?.value) {
                    best = (step, value)
                }
                var stopping = EarlyStoppingRule(rule: rule, patience: patience)
                var stoppedAt: Int64?
                for (index, (step, value)) in zip(steps, values).enumerated() where stoppedAt == nil {
                    if stopping.observe(value, epoch: index) == .stop { stoppedAt = step }
                }
                var overfitting: Int64?
                if direction == .minimize {
                    let common = steps.filter { pair.training[$0] != nil }
                    let found = TrendDetector.detect(
                        trainingLoss: common.compactMap { pair.training[$0] },
                        validationLoss: common.compactMap { pair.validation[$0] },
                        window: window
                    )
                    overfitting = found.map { common[$0.onsetEpoch] }
                }
                table.write([
                    .text(pair.group), .text(pair.metric), .integer(best?.step), .number(best?.value),
                    .integer(overfitting), .integer(stoppedAt),
                ])
            }
            table.finish()
        }
    }

    private static func integer(
        _ parsed: ArgumentList,
        _ option: String,
        default value: Int,
        minimum: Int
    ) throws(UsageError) -> Int {
        guard let text = parsed.value(option) else { return value }
        guard let number = Int(text), number >= minimum else {
            throw UsageError("\(option) takes an integer of at least \(minimum). Received: \(text)")
        }
        return number
    }

    /// Finds the pairs and reads their scalars.
    private static func collectPairs(_ scan: LogScan) throws -> [Pair] {
        let runs = try scan.runs()
        let byName = Dictionary(runs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var pairs: [String: Pair] = [:]
        func parent(of name: String) -> String? {
            let parts = name.split(separator: "/", omittingEmptySubsequences: false)
            guard let last = parts.last, last == "train" || last == "validation" else { return nil }
            return parts.count == 1 ? "." : parts.dropLast().joined(separator: "/")
        }
        func sibling(_ group: String, _ name: String) -> String { group == "." ? name : group + "/" + name }
        for run in runs {
            if let group = parent(of: run.name), byName[sibling(group, "train")] != nil,
                byName[sibling(group, "validation")] != nil
            {
                let isTraining = run.name.hasSuffix("train")
                let purged = try scan.forEachScalar(of: run) { tag, step, _, value in
                    guard tag.hasPrefix("epoch_") else { return }
                    let metric = String(tag.dropFirst(6))
                    let key = group + "\u{0}" + metric
                    var pair = pairs[key] ?? Pair(group: group, metric: metric)
                    if isTraining { pair.training[step] = value } else { pair.validation[step] = value }
                    pairs[key] = pair
                }
                scan.reportPurged(purged, run: run)
            } else {
                var values: [String: [Int64: Double]] = [:]
                let purged = try scan.forEachScalar(of: run) { tag, step, _, value in
                    values[tag, default: [:]][step] = value
                }
                scan.reportPurged(purged, run: run)
                for (tag, validation) in values where tag.hasPrefix("val_") {
                    let metric = String(tag.dropFirst(4))
                    guard let training = values[metric] else { continue }
                    pairs[run.name + "\u{0}" + metric] = Pair(
                        group: run.name,
                        metric: metric,
                        training: training,
                        validation: validation
                    )
                }
            }
        }
        return pairs.values.filter { !$0.training.isEmpty && !$0.validation.isEmpty }
            .sorted { ($0.group, $0.metric) < ($1.group, $1.metric) }
    }
}
