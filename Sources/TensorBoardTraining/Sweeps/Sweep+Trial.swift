// Sweep+Trial.swift: one trial of a sweep: a setting with a seed, and where its runs go.

import TensorBoardEvents

extension Sweep {
    /// One trial of a ``Sweep``: one setting trained with one seed, logged under ``directory``.
    ///
    /// Pass it to ``TensorBoardLogger/init(trial:options:)``, which writes the trial's `train` and `validation`
    /// runs there and its session (``hparams``, status, metric values) in ``directory`` itself.
    public struct Trial: Sendable, Equatable {
        /// The trial's name and directory name, such as `learning_rate-0.05_seed-1` (see
        /// ``Sweep/trialName(setting:seed:)``).
        public let name: String
        /// The seed to train with.
        public let seed: Int
        /// The trial's hyperparameters: its setting's values and `seed`.
        public let hparams: [String: HParamValue]
        /// The trial's run directory, `<logDirectory>/<sweep>/<name>`.
        public let directory: String
        /// The logs keys whose final and best values are the sweep's metrics.
        public let monitoredMetrics: [String]
    }
}
