// Sweep.swift: a hyperparameter sweep: every setting trained with every seed, one run directory per trial.

import TensorBoardEvents
import TensorBoardMonitoring

/// A hyperparameter sweep laid out as TensorBoard's HParams dashboard reads one: every setting trained with every
/// seed, each trial in `<logDirectory>/<name>/<trial name>` with its own `train` and `validation` runs and its
/// session (hyperparameters, status, metric values), and one experiment (each hyperparameter's type and domain,
/// and the metrics) in the sweep's own run `<logDirectory>/<name>`, as `hp.hparams_config` writes it.
///
/// ```swift
/// let sweep = try Sweep(
///     logDirectory: "runs", name: "lr-sweep",
///     settings: Sweep.grid(["learning_rate": [0.01, 0.1], "hidden_units": [32]]), seeds: [1, 2])
/// try sweep.writeExperiment()
/// for trial in sweep.trials {  // learning_rate-0.01_hidden_units-32_seed-1, ...
///     let logger = TensorBoardLogger(trial: trial)  // writes trial.directory/{train,validation}
///     // ... seed the model with trial.seed, train it with the logger among the callbacks
/// }
/// ```
///
/// Only one experiment is written because the dashboard uses the first one it finds for the whole log
/// directory: one per trial would make it drop the other trials' metrics. Each trial is its own session group,
/// so the dashboard lists every trial as a row, with its seed as a hyperparameter.
///
/// Invariants, checked when the sweep is made: there is at least one setting and one seed; trial names are
/// unique single path components (see ``trialName(setting:seed:)``); each hyperparameter has values of one
/// kind (numbers, strings or Booleans), finite numbers, and lies in its domain.
public struct Sweep: Sendable {
    /// The log directory holding the sweep (TensorBoard's `--logdir`).
    public let logDirectory: String
    /// The sweep's directory name under ``logDirectory``.
    public let name: String
    /// The trials: each setting with each seed, in the order given (settings outer, seeds inner).
    public let trials: [Trial]
    /// The experiment's hyperparameters, sorted by name: each one's type and domain (the values the trials take,
    /// unless given), `seed` among them.
    public let hparamInfos: [HParamsPluginData.Experiment.HParamInfo]
    /// The experiment's metrics: those a trial's ``TensorBoardLogger`` writes for its monitored keys.
    public let metricInfos: [HParamsPluginData.Experiment.MetricInfo]

    /// The sweep's own run, `<logDirectory>/<name>`, where the experiment is written.
    public var directory: String { logDirectory + "/" + name }

    /// Creates a sweep of every setting with every seed; nothing is written until ``writeExperiment(wallTime:)``.
    /// - Parameters:
    ///   - logDirectory: The log directory holding the sweep.
    ///   - name: The sweep's directory name: one path component.
    ///   - settings: The hyperparameter values of each setting, without the seed (``grid(_:)`` makes every
    ///     combination of a few values).
    ///   - seeds: The seeds each setting is trained with; each trial's hyperparameters include it as `seed`.
    ///   - monitoredMetrics: The logs keys shown as metrics (their final and best values), as in
    ///     ``TensorBoardLogger/Options``; `["val_loss"]` by default.
    ///   - domains: Domains to write instead of the inferred ones (the distinct values the trials take), such
    ///     as `["learning_rate": .interval(min: 1e-4, max: 1)]`; every trial's value must lie in its domain.
    /// - Throws: `ConfigurationError` naming the parameter when a rule above is broken.
    public init(
        logDirectory: String,
        name: String,
        settings: [[String: any HParamConvertible]],
        seeds: [Int],
        monitoredMetrics: [String] = ["val_loss"],
        domains: [String: HParamsPluginData.Experiment.HParamInfo.Domain] = [:]
    ) throws(ConfigurationError) {
        func fail(_ parameter: String, _ received: String, _ allowed: String) -> ConfigurationError {
            ConfigurationError(type: "Sweep", parameter: parameter, received: received, allowed: allowed)
        }
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.contains("\0") else {
            throw fail("name", "'\(name)'", "be one directory name (not empty, '.' or '..', without '/')")
        }
        guard !settings.isEmpty else { throw fail("settings", "[]", "hold at least one setting") }
        guard !seeds.isEmpty, Set(seeds).count == seeds.count else {
            throw fail("seeds", "\(seeds)", "hold at least one seed, each once")
        }
        var trials: [Trial] = []
        var names: Set<String> = []
        for setting in settings {
            if setting.keys.contains(Self.seedName) {
                throw fail("settings", "\(setting.keys.sorted())", "not name 'seed', which the sweep adds from seeds")
            }
            var hparams = setting.mapValues(\.hparamValue)
            for (key, value) in hparams {
                guard !key.isEmpty else { throw fail("settings", "''", "name every hyperparameter") }
                if case .number(let number) = value, !number.isFinite {
                    throw fail("settings", "\(key)=\(number)", "hold finite numbers")
                }
            }
            for seed in seeds {
                let trialName = Self.trialName(setting: setting, seed: seed)
                guard trialName.utf8.count <= 255, names.insert(trialName).inserted else {
                    throw fail("settings", trialName, "give every trial a different name of at most 255 bytes")
                }
                hparams[Self.seedName] = .number(Double(seed))
                trials.append(
                    Trial(
                        name: trialName,
                        seed: seed,
                        hparams: hparams,
                        directory: logDirectory + "/" + name + "/" + trialName,
                        monitoredMetrics: monitoredMetrics
                    )
                )
            }
        }
        self.logDirectory = logDirectory
        self.name = name
        self.trials = trials
        self.hparamInfos = try Self.hparamInfos(of: trials, domains: domains)
        self.metricInfos = TensorBoardLogger.hparamsMetrics(of: monitoredMetrics)
    }

    /// Writes the experiment into the sweep's own run (``directory``), once, before or after the trials run.
    /// - Parameter wallTime: Seconds since the epoch; the current time by default.
    /// - Throws: `EventFileError` when the run cannot be created or written.
    public func writeExperiment(wallTime: Double? = nil) throws(EventFileError) {
        let writer = try SummaryWriter(runDirectory: directory, options: .init(fileNameSuffix: ".v2"))
        try writer.hparamsConfig(hparamInfos, metrics: metricInfos, wallTime: wallTime)
        try writer.close()
    }

    /// Every combination of the values of each hyperparameter, as scikit-learn's `ParameterGrid` lists them:
    /// names in sorted order, the last name's values changing fastest.
    /// - Parameter axes: The values to try, by hyperparameter name.
    /// - Returns: One setting per combination; one empty setting when `axes` is empty, none when a name has no
    ///   values.
    public static func grid(_ axes: [String: [any HParamConvertible]]) -> [[String: any HParamConvertible]] {
        var settings: [[String: any HParamConvertible]] = [[:]]
        for key in axes.keys.sorted() {
            let values = axes[key] ?? []
            settings = settings.flatMap { setting in
                values.map { value in setting.merging([key: value]) { _, new in new } }
            }
        }
        return settings
    }

    /// The hyperparameter every trial gets from its seed.
    static let seedName = "seed"
}
