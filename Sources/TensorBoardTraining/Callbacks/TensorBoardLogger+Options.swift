// TensorBoardLogger+Options.swift: what the TensorBoard callback writes besides the epoch metrics.

import TensorBoardEvents

extension TensorBoardLogger {
    /// What to write besides the epoch metrics.
    public struct Options {
        /// Write `batch_*` scalars every this many training batches; none when `nil` (the default).
        public var batchFrequency: Int?
        /// Write `epoch_steps_per_second` (and `batch_steps_per_second`); `true` by default.
        public var writesStepsPerSecond: Bool
        /// Write `epoch_learning_rate` when the model's hooks give the rate; `true` by default.
        public var writesLearningRate: Bool
        /// Hyperparameters for the HParams dashboard; none by default.
        public var hparams: [String: HParamValue]
        /// Logs keys whose best value is tracked (`best_<key>`) and shown with the hparams; `["val_loss"]` by
        /// default.
        public var monitoredMetrics: [String]
        /// Markdown describing the run's configuration, written as the `configuration` text summary.
        public var configuration: String?
        /// Write weight histograms every this many epochs; never when 0 (the default).
        public var histogramFrequency: Int
        /// Returns the weights to histogram, by name (such as `"dense/kernel"`).
        public var weights: (() -> [String: [Float]])?
        /// The epoch training resumes from after a crash, for a resume by hand: TensorBoard then drops the
        /// interrupted attempt's points from this epoch on (see `SummaryWriter.Options.resumeStep`). With batch
        /// logging no one step is right: use ``BackupAndRestore``, which resumes each run tag by tag.
        public var resumeStep: Int64?
        /// Write the HParams experiment (the hyperparameters' types and the metrics) beside the session; `true`
        /// by default. A trial of a ``Sweep`` writes `false`: the dashboard shows the first experiment it finds
        /// for the whole log directory, so a sweep writes one at its root (``Sweep/writeExperiment(wallTime:)``)
        /// and each trial only its session.
        public var writesExperiment: Bool
        /// What classification dashboards need (PR curves per class), or `nil` (the default) for none.
        public var classification: Classification?
        /// Write the classification dashboards every this many epochs, and after the last; only after the last
        /// when 0. 1 by default.
        public var classificationFrequency: Int
        /// Write a Custom Scalars layout with one chart per metric, its training and validation curves on the
        /// same chart (tags `epoch_<metric>` of both runs); `false` by default (Keras writes none).
        public var writesTrainValidationLayout: Bool
        /// Returns the embedding to show in the Projector (the validation examples' activations, say), or `nil`
        /// (the default) for none.
        public var embeddings: (() -> Embedding)?
        /// Write the embedding every this many epochs, and after the last; only after the last when 0 (the
        /// default). Keras's `embeddings_freq`, for activations rather than an embedding layer's weights.
        public var embeddingsFrequency: Int

        /// Creates options.
        /// - Parameters:
        ///   - batchFrequency: Write `batch_*` scalars every this many training batches; none by default.
        ///   - writesStepsPerSecond: Write `epoch_steps_per_second` and `batch_steps_per_second`.
        ///   - writesLearningRate: Write `epoch_learning_rate`.
        ///   - hparams: Hyperparameters for the HParams dashboard: plain values (`["lr": lr, "layers": 3]`).
        ///   - monitoredMetrics: Logs keys whose best value is tracked.
        ///   - configuration: Markdown written as the `configuration` text summary.
        ///   - histogramFrequency: Write weight histograms every this many epochs; never when 0.
        ///   - weights: Returns the weights to histogram, by name.
        ///   - resumeStep: The step training resumes from after a crash.
        ///   - writesExperiment: Write the HParams experiment beside the session (`false` for a sweep's trial).
        ///   - classification: What classification dashboards need; none by default.
        ///   - classificationFrequency: Write them every this many epochs and after the last; 1 by default.
        ///   - writesTrainValidationLayout: Write a Custom Scalars layout of train against validation.
        ///   - embeddings: Returns the embedding to show in the Projector; none by default.
        ///   - embeddingsFrequency: Write it every this many epochs and after the last; only after the last
        ///     when 0 (the default).
        public init(
            batchFrequency: Int? = nil,
            writesStepsPerSecond: Bool = true,
            writesLearningRate: Bool = true,
            hparams: [String: any HParamConvertible] = [:],
            monitoredMetrics: [String] = ["val_loss"],
            configuration: String? = nil,
            histogramFrequency: Int = 0,
            weights: (() -> [String: [Float]])? = nil,
            resumeStep: Int64? = nil,
            writesExperiment: Bool = true,
            classification: Classification? = nil,
            classificationFrequency: Int = 1,
            writesTrainValidationLayout: Bool = false,
            embeddings: (() -> Embedding)? = nil,
            embeddingsFrequency: Int = 0
        ) {
            self.batchFrequency = batchFrequency
            self.writesStepsPerSecond = writesStepsPerSecond
            self.writesLearningRate = writesLearningRate
            self.hparams = hparams.mapValues(\.hparamValue)
            self.monitoredMetrics = monitoredMetrics
            self.configuration = configuration
            self.histogramFrequency = histogramFrequency
            self.weights = weights
            self.resumeStep = resumeStep
            self.writesExperiment = writesExperiment
            self.classification = classification
            self.classificationFrequency = classificationFrequency
            self.writesTrainValidationLayout = writesTrainValidationLayout
            self.embeddings = embeddings
            self.embeddingsFrequency = embeddingsFrequency
        }
    }
}
