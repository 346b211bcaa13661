// OverfittingMonitor.swift: warns (and can stop) when validation loss turns up while training loss still falls.

import TensorBoardEvents

/// Watches the training and validation loss and reports the epoch where overfitting began: where validation
/// loss starts rising while training loss still falls, judged on trends over a window of epochs
/// (`TrendDetector`), not on one noisy epoch.
///
/// When it detects overfitting it warns once, hands a Markdown note to `note` (``TensorBoardLogger`` writes it
/// as a text summary when passed as the note's receiver), and, with `stopsTraining`, asks training to stop.
///
/// With `smoothing`, both losses go through TensorBoard's smoothing (a copy of the `StreamingSmoother` for
/// each) before the trends are fitted, so the detector reads the curves as the dashboard draws them.
///
/// Either key absent from the first logs that could hold it is reported with ``TrainingContext/fail(_:)``,
/// naming the nearest logged key, and ``Trainer`` throws it after that epoch; the monitor never watches
/// nothing in silence.
public final class OverfittingMonitor: Callback {
    /// The training-loss key.
    public let trainingKey: String
    /// The validation-loss key.
    public let validationKey: String
    /// Whether to stop training on detection.
    public let stopsTraining: Bool
    /// Epochs per trend window (at least 2).
    public let window: Int
    private let minimumSlope: Double
    private var detector: TrendDetector
    private let smoothing: StreamingSmoother?
    private var trainingSmoother: StreamingSmoother?
    private var validationSmoother: StreamingSmoother?
    private let note: ((String, Int) -> Void)?
    private var monitoredKeys: [MonitoredKey]
    /// The detection, once made.
    public private(set) var detection: TrendDetector.Overfitting?

    /// Creates the monitor.
    /// - Parameters:
    ///   - trainingKey: The training-loss key; `"loss"` by default.
    ///   - validationKey: The validation-loss key; `"val_loss"` by default.
    ///   - window: Epochs per trend window; 5 by default.
    ///   - minimumSlope: Validation-loss rise per epoch that counts; 0 by default.
    ///   - stopTraining: Whether to stop training on detection; `false` by default.
    ///   - smoothing: Smooth both losses as TensorBoard does before judging trends, for example
    ///     `StreamingSmoother()` (weight 0.6); `nil` (the default) judges the raw losses.
    ///   - note: Receives a Markdown note and the epoch on detection (for example to log it as text).
    /// - Throws: `ConfigurationError` when `window` is below 2.
    public init(
        trainingKey: String = "loss",
        validationKey: String = "val_loss",
        window: Int = 5,
        minimumSlope: Double = 0,
        stopTraining: Bool = false,
        smoothing: StreamingSmoother? = nil,
        note: ((String, Int) -> Void)? = nil
    ) throws(ConfigurationError) {
        self.trainingKey = trainingKey
        self.validationKey = validationKey
        self.monitoredKeys = [trainingKey, validationKey].map { MonitoredKey($0, of: "OverfittingMonitor") }
        self.window = window
        self.minimumSlope = minimumSlope
        self.stopsTraining = stopTraining
        self.note = note
        self.smoothing = smoothing
        self.detector = try TrendDetector(window: window, minimumSlope: minimumSlope)
    }

    /// Starts a fresh detection.
    public func trainingWillBegin(context: TrainingContext) {
        detector.reset()
        detection = nil
        trainingSmoother = smoothing
        validationSmoother = smoothing
        for index in monitoredKeys.indices { monitoredKeys[index].reset() }
    }

    /// Adds the epoch's losses to the trends; on detection warns, writes the note and may ask to stop.
    public func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
        for index in monitoredKeys.indices { monitoredKeys[index].check(logs, context: context) }
        guard let training = logs[trainingKey], let validation = logs[validationKey] else { return }
        let trainingLoss = trainingSmoother.smooth(training)
        let validationLoss = validationSmoother.smooth(validation)
        guard let found = detector.observe(trainingLoss: trainingLoss, validationLoss: validationLoss) else { return }
        detection = found
        let validationTrend = Self.signed(found.validationSlope)
        let trainingTrend = Self.signed(found.trainingSlope)
        let message =
            "overfitting began at epoch \(found.onsetEpoch + 1): '\(validationKey)' has risen since its lowest "
            + "value at epoch \(found.bestEpoch + 1) while '\(trainingKey)' keeps falling (trend over the last "
            + "\(window) epochs: \(validationKey) \(validationTrend)/epoch, \(trainingKey) \(trainingTrend)/epoch)"
        context.warn(message)
        note?(
            "**Overfitting detected** at epoch \(found.detectedEpoch + 1).\n\nValidation loss was lowest at epoch "
                + "\(found.bestEpoch + 1) and has been rising since epoch \(found.onsetEpoch + 1), while training "
                + "loss keeps falling.\n\n| trend over \(window) epochs | per epoch |\n| --- | --- |\n"
                + "| \(validationKey) | \(validationTrend) |\n| \(trainingKey) | \(trainingTrend) |",
            epoch
        )
        if stopsTraining {
            context.requestStop(reason: message)
        }
    }

    private static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + String(format: value)
    }

    private static func String(format value: Double) -> Swift.String {
        let rounded = (value * 1e5).rounded() / 1e5
        return rounded.description
    }
}
