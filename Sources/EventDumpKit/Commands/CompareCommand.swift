// CompareCommand.swift: `eventdump compare`, training against validation, epoch by epoch.

import TensorBoardEvents
import TensorBoardMonitoring

/// `eventdump compare LOGDIR`: training and validation values per epoch, their gap, and what they say.
enum CompareCommand: Command {
    static let name = "compare"
    static let abstract =
        "Compare training with validation per epoch: both values, the gap, overfitting, early stopping."
    static let help = """
        OVERVIEW: \(abstract)

        Pairs are found as Keras writes them: sibling runs train/ and validation/ (every tag they share, a pair
        named after their parent run; the metric is the tag without its epoch_ prefix); or within one run, a
        validation tag and its training tag: a path component starting with val_ or validation_ (or being val or
        validation) marks the validation side, train_/training_ (or train/training) or no marker the training
        side, so val_loss pairs with loss, metrics/val_loss with metrics/loss, val/loss with train/loss.

        For each metric, the per-epoch table has both values and the gap (validation − training). The analysis
        gives the metric's mode (min when lower is better: losses and errors, and any metric whose name says
        neither; max for accuracy, AUC, precision, recall, F1, IoU, R²), the epoch where validation was best,
        the epoch where overfitting began (validation getting worse while training still improves, judged on
        trends over --window epochs), and the epoch after which an early-stopping rule with --patience and
        --min-delta would have stopped training (Keras's rule). Epochs are the logged steps: Keras logs the
        epoch its progress bar calls "Epoch 18/40" at step 17.

        In text and Markdown both tables are printed; in the machine formats the per-epoch table, or with
        --analysis the analysis table.

        USAGE: eventdump compare <logdir> [options]

        ARGUMENTS:
          <logdir>                A log directory, or one event file.

        OPTIONS:
        \(CommonOptions.helpLines(defaultFormat: "text"))
          --patience <n>          Early-stopping patience in epochs. (default: 5)
          --min-delta <x>         Early-stopping minimum improvement. (default: 0)
          --window <n>            Epochs per trend window for overfitting, at least 2. (default: 5)
          --analysis              Print only the analysis table.
          -h, --help              Show help information.

        \(OutputFormat.controlCharactersHelp)

        EXAMPLES:
          eventdump compare runs/demo
          eventdump compare runs --tag loss --patience 3 --analysis --format csv
        """

    /// The analysis settings.
    private struct Settings {
        var patience: Int
        var window: Int
        var minDelta: Double
    }

    static func run(_ arguments: [String], context: CommandContext) throws {
        let parsed = try ArgumentList(
            arguments,
            valueOptions: CommonOptions.valueOptions.union(["--patience", "--min-delta", "--window"]),
            flagOptions: CommonOptions.flagOptions.union(["--analysis"])
        )
        let logdir = try parsed.onlyPositional(named: "<logdir>")
        let options = try CommonOptions(parsed, defaultFormat: .text)
        let settings = try Settings(
            patience: integer(parsed, "--patience", default: 5, minimum: 0),
            window: integer(parsed, "--window", default: 5, minimum: 2),
            minDelta: parsed.value("--min-delta").map { text throws(UsageError) -> Double in
                guard let value = Double(text), value.isFinite, value >= 0 else {
                    throw UsageError("--min-delta takes a non-negative number. Received: \(text)")
                }
                return value
            } ?? 0
        )
        let pairs = try ComparePairs.collect(LogScan(logdir: logdir, options: options, context: context))
        if pairs.isEmpty {
            context.note("no training/validation pairs found (train/ and validation/ runs, or x and val_x tags)")
        }
        let showsBoth = options.format == .text || options.format == .markdown
        if showsBoth || !parsed.has("--analysis") { writeEpochs(pairs, format: options.format, context: context) }
        if showsBoth { context.output.write("\n") }
        if showsBoth || parsed.has("--analysis") {
            writeAnalysis(pairs, settings: settings, format: options.format, context: context)
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

    /// The per-epoch table: both values and the gap.
    private static func writeEpochs(_ pairs: [ComparePair], format: OutputFormat, context: CommandContext) {
        let table = TableWriter(
            format: format,
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

    /// The analysis table: mode, best epoch, overfitting onset and early stopping, per pair.
    private static func writeAnalysis(
        _ pairs: [ComparePair],
        settings: Settings,
        format: OutputFormat,
        context: CommandContext
    ) {
        let table = TableWriter(
            format: format,
            columns: [
                "pair", "metric", "mode", "best_epoch", "best_validation", "overfitting_from", "early_stop_after",
            ],
            sink: context.output
        )
        for pair in pairs {
            let direction = ImprovementRule.direction(ofMetric: pair.metric) ?? .minimize
            let steps = pair.validation.keys.sorted()
            let values = steps.compactMap { pair.validation[$0] }
            var best: (step: Int64, value: Double)?
            for (step, value) in zip(steps, values)
            where ImprovementRule(direction: direction).isImprovement(value, over: best?.value) {
                best = (step, value)
            }
            // `--patience` was parsed with a minimum of 0, so the rule cannot refuse it.
            var stopping = try? EarlyStoppingRule(
                rule: ImprovementRule(direction: direction, minDelta: settings.minDelta),
                patience: settings.patience
            )
            let stoppedAt = zip(steps, values).enumerated().first { index, point in
                stopping?.observe(point.1, epoch: index) == .stop
            }?.element.0
            table.write([
                .text(pair.group), .text(pair.metric), .text(direction == .minimize ? "min" : "max"),
                .integer(best?.step), .number(best?.value),
                .integer(overfittingOnset(pair, direction: direction, window: settings.window)), .integer(stoppedAt),
            ])
        }
        table.finish()
    }

    /// The epoch where validation started getting worse while training still improved, judged on trends: for a
    /// metric to maximize, on the negated values (so falling validation accuracy counts as a rising loss).
    private static func overfittingOnset(
        _ pair: ComparePair,
        direction: ImprovementRule.Direction,
        window: Int
    ) -> Int64? {
        let sign = direction == .minimize ? 1.0 : -1.0
        let common = pair.validation.keys.sorted().filter { pair.training[$0] != nil }
        // `--window` was parsed with a minimum of 2, so the detector cannot refuse it.
        let found = try? TrendDetector.detect(
            trainingLoss: common.compactMap { pair.training[$0].map { $0 * sign } },
            validationLoss: common.compactMap { pair.validation[$0].map { $0 * sign } },
            window: window
        )
        return found.flatMap { common[safe: $0.onsetEpoch] }
    }
}
