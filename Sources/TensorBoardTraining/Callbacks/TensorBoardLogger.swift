// TensorBoardLogger.swift: the TensorBoard callback: train/ and validation/ runs with Keras's tag names.

import TensorBoardEvents

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a training run for TensorBoard the way Keras's `TensorBoard` callback does, so a Swift run and a
/// Keras run of the same model overlay in TensorBoard.
///
/// Under `logDirectory`:
/// - `train/`: `epoch_<metric>` for every training metric at step = epoch (0-based), `epoch_learning_rate`
///   (when the model's hooks give it), `epoch_steps_per_second` (the training batches this epoch actually ran,
///   over the time since it began, as Keras counts optimizer iterations); with batch logging every N batches,
///   `batch_<metric>` and `batch_steps_per_second` at the global batch step (from 1); weight histograms
///   `<name>/histogram` every `histogramFrequency` epochs.
/// - `validation/`: `epoch_<metric>` for every `val_<metric>` (prefix dropped), and
///   `evaluation_<metric>_vs_iterations` at the global batch step.
/// - the log directory itself (TensorBoard's run `.`), only for what Keras does not write: the run's
///   hyperparameters for the HParams dashboard with, as metrics, the final values (`epoch_<metric>` of
///   `train`/`validation`) and the best values (`best_<monitored key>`, written here every epoch) of the
///   monitored metrics; the configuration as a `configuration` text summary; notes such as overfitting warnings.
///   The hyperparameters are a session and its experiment, or the session alone for a ``Sweep``'s trial
///   (``init(trial:options:)``), whose experiment the sweep writes once at its root.
///
/// Every writer is flushed at the end of every epoch (and they flush by themselves at least every 2 s). A
/// logging failure (disk full, directory removed) is a warning, never the end of training.
public final class TensorBoardLogger: Callback {
    /// The log directory (TensorBoard's `--logdir` for this run, or one run of a larger log directory).
    public let logDirectory: String
    /// What to write.
    public let options: Options
    var train: SummaryWriter?
    var validation: SummaryWriter?
    private var session: SummaryWriter?
    /// The best value of each monitored key so far (`best_<key>`).
    var best: [String: Double] = [:]
    /// A resumed run's best values: `trainingWillBegin` then starts from them and resumes each run by tag.
    var resumedBest: [String: Double]?
    private var rules: [String: ImprovementRule] = [:]
    private var epochStart = 0.0
    private var batchWindowStart = 0.0
    private var batchesInWindow = 0
    private var batchesInEpoch = 0
    /// Seconds on a monotonic clock (replaced by tests).
    var clock: () -> Double = TensorBoardLogger.now
    private var context: TrainingContext?
    private var hasWarned = false
    /// The last epoch whose classification dashboards were written (``Options/classification``).
    var classificationEpoch: Int?
    /// Whether the train-against-validation layout has been written.
    var wroteLayout = false
    /// The last epoch that ended in this fit, if any.
    var lastEndedEpoch: Int?
    /// The last epoch whose embedding was written (``Options/embeddings``).
    var embeddingEpoch: Int?

    /// Creates the callback.
    /// - Parameters:
    ///   - logDirectory: Where the `train` and `validation` runs go: a local directory or `s3://bucket/prefix`
    ///     (each flush, such as the one at every epoch end, then uploads a segment; see ``SummaryWriter``).
    ///   - options: What else to write.
    public init(logDirectory: String, options: Options = Options()) {
        self.logDirectory = logDirectory
        self.options = options
    }

    /// Creates the callback for one trial of a ``Sweep``: its runs go in the trial's directory, and its session
    /// holds the trial's hyperparameters (the seed among them) and the sweep's monitored metrics, with no
    /// experiment of its own, since the sweep writes the one experiment at its root.
    /// - Parameters:
    ///   - trial: The trial; its `hparams` and `monitoredMetrics` replace those of `options`.
    ///   - options: What else to write.
    public convenience init(trial: Sweep.Trial, options: Options = Options()) {
        var options = options
        options.hparams = trial.hparams
        options.monitoredMetrics = trial.monitoredMetrics
        options.writesExperiment = false
        self.init(logDirectory: trial.directory, options: options)
    }

    /// Opens the `train`, `validation` and (for hparams, configuration and best values) log-directory runs.
    public func trainingWillBegin(context: TrainingContext) {
        self.context = context
        hasWarned = false
        best = resumedBest ?? [:]
        rules = [:]
        classificationEpoch = nil
        wroteLayout = false
        lastEndedEpoch = nil
        embeddingEpoch = nil
        for key in options.monitoredMetrics {
            if let direction = ImprovementRule.direction(ofMetric: key) {
                rules[key] = ImprovementRule(direction: direction)
            } else {
                context.warnOnce(
                    "TensorBoardLogger cannot tell whether '\(key)' is better lower or higher; its best value is "
                        + "not tracked"
                )
            }
        }
        let writerOptions = SummaryWriter.Options(
            fileNameSuffix: ".v2",
            resumeStep: options.resumeStep,
            resumesByTag: resumedBest != nil
        )
        train = attempt { try SummaryWriter(runDirectory: logDirectory + "/train", options: writerOptions) }
        validation = attempt { try SummaryWriter(runDirectory: logDirectory + "/validation", options: writerOptions) }
        let needsSession = !options.hparams.isEmpty || options.configuration != nil || !rules.isEmpty
        if needsSession {
            session = attempt { try SummaryWriter(runDirectory: logDirectory, options: writerOptions) }
        }
        if !options.hparams.isEmpty, let session {
            if options.writesExperiment {
                attempt {
                    try session.hparams(options.hparams, metrics: Self.hparamsMetrics(of: options.monitoredMetrics))
                }
            } else {
                attempt { try session.hparamsSession(options.hparams) }
            }
        }
        if let configuration = options.configuration, let session {
            attempt { try session.text("configuration", configuration, step: 0) }
        }
        epochStart = clock()
        batchWindowStart = epochStart
        batchesInWindow = 0
        batchesInEpoch = 0
    }

    /// Starts the epoch's clock.
    public func epochWillBegin(_ epoch: Int, context: TrainingContext) {
        epochStart = clock()
        batchWindowStart = epochStart
        batchesInWindow = 0
        batchesInEpoch = 0
    }

    /// Counts the batch; every `batchFrequency` batches writes the `batch_*` scalars at the global step.
    public func trainingBatchDidEnd(_ batch: Int, logs: TrainingLogs, context: TrainingContext) {
        batchesInWindow += 1
        batchesInEpoch += 1
        guard let frequency = options.batchFrequency, frequency > 0, context.globalStep % frequency == 0, let train
        else { return }
        let step = Int64(context.globalStep)
        for (key, value) in logs {
            attempt { try train.scalar("batch_" + key, value, step: step) }
        }
        if options.writesStepsPerSecond {
            let elapsed = clock() - batchWindowStart
            if elapsed > 0 {
                attempt { try train.scalar("batch_steps_per_second", Double(batchesInWindow) / elapsed, step: step) }
            }
        }
        batchWindowStart = clock()
        batchesInWindow = 0
    }

    /// Writes the epoch's scalars (and histograms, best values), then flushes every run.
    public func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
        let step = Int64(epoch)
        for (key, value) in logs where key != "learning_rate" {
            if key.hasPrefix("val_") {
                let name = String(key.dropFirst(4))
                if let validation {
                    attempt { try validation.scalar("epoch_" + name, value, step: step) }
                    attempt {
                        try validation.scalar(
                            "evaluation_\(name)_vs_iterations",
                            value,
                            step: Int64(context.globalStep)
                        )
                    }
                }
            } else if let train {
                attempt { try train.scalar("epoch_" + key, value, step: step) }
            }
        }
        if let train {
            // The rate the epoch trained with (ReduceLROnPlateau logs it before reducing), else the current one.
            if options.writesLearningRate, let rate = logs["learning_rate"] ?? context.learningRate {
                attempt { try train.scalar("epoch_learning_rate", rate, step: step) }
            }
            // The batches this epoch ran (fewer than planned when it was cut short); the plan only when the loop
            // reports no batches.
            let elapsed = clock() - epochStart
            let steps = batchesInEpoch > 0 ? batchesInEpoch : context.stepsPerEpoch ?? 0
            if options.writesStepsPerSecond, steps > 0, elapsed > 0 {
                attempt { try train.scalar("epoch_steps_per_second", Double(steps) / elapsed, step: step) }
            }
            if options.histogramFrequency > 0, epoch % options.histogramFrequency == 0, let weights = options.weights?()
            {
                for name in weights.keys.sorted() {
                    guard let values = weights[name] else { continue }
                    attempt { try train.histogram(name + "/histogram", values: values, step: step) }
                }
            }
        }
        for (key, rule) in rules {
            guard let value = logs[key], rule.isImprovement(value, over: best[key]) else { continue }
            best[key] = value
        }
        lastEndedEpoch = epoch
        writeDashboards(epoch: epoch, logs: logs, isLast: false)
        writeEmbedding(epoch: epoch, isLast: false)
        if let session {
            for (key, value) in best.sorted(by: { $0.key < $1.key }) {
                attempt { try session.scalar("best_" + key, value, step: step) }
            }
        }
        for writer in [train, validation, session].compactMap({ $0 }) {
            attempt { try writer.flush() }
        }
        // A loop that does not call epochWillBegin measures the next epoch from here.
        epochStart = clock()
        batchesInEpoch = 0
    }

    /// Writes a Markdown note into the log directory's own run (for example an overfitting warning).
    public func note(_ markdown: String, epoch: Int) {
        let options = SummaryWriter.Options(fileNameSuffix: ".v2", resumesByTag: resumedBest != nil)
        guard let session = session ?? attempt({ try SummaryWriter(runDirectory: logDirectory, options: options) })
        else { return }
        self.session = session
        attempt { try session.text("notes", markdown, step: Int64(epoch)) }
        attempt { try session.flush() }
    }

    /// Ends the hparams session and closes every run.
    public func trainingDidEnd(logs: TrainingLogs, context: TrainingContext) {
        if let epoch = lastEndedEpoch {
            writeDashboards(epoch: epoch, logs: logs, isLast: true)
            writeEmbedding(epoch: epoch, isLast: true)
        }
        if !options.hparams.isEmpty, let session {
            attempt { try session.hparamsEnd(status: .success) }
        }
        for writer in [train, validation, session].compactMap({ $0 }) {
            attempt { try writer.close() }
        }
        train = nil
        validation = nil
        session = nil
    }

    /// The HParams metrics of a run monitoring `keys`: each key's final value (`epoch_<name>` of the
    /// `validation` run for a `val_` key, else of `train`) and, when its better direction is known, its best
    /// value (`best_<key>` in the session's own run), as the logger writes them.
    static func hparamsMetrics(of keys: [String]) -> [HParamsPluginData.Experiment.MetricInfo] {
        var metrics: [HParamsPluginData.Experiment.MetricInfo] = []
        for key in keys {
            let isValidation = key.hasPrefix("val_")
            let name = isValidation ? String(key.dropFirst(4)) : key
            metrics.append(
                .init(
                    group: isValidation ? "validation" : "train",
                    tag: "epoch_" + name,
                    datasetType: isValidation ? 2 : 1
                )
            )
            if ImprovementRule.direction(ofMetric: key) != nil { metrics.append(.init(group: "", tag: "best_" + key)) }
        }
        return metrics
    }

    /// Runs a logging action; a failure is warned about once and otherwise ignored, so training goes on.
    @discardableResult
    func attempt<T>(_ action: () throws -> T) -> T? {
        do {
            return try action()
        } catch {
            if !hasWarned {
                hasWarned = true
                let message =
                    "TensorBoardLogger could not write to \(logDirectory): \(error); training goes on (later logging "
                    + "errors are not reported)"
                if let context { context.warn(message) } else { TrainingContext.standardErrorWarning(message) }
            }
            return nil
        }
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
