// OverfittingMonitor.swift: warns (and can stop) when validation loss turns up while training loss still falls.

import TensorBoardEvents

/// Watches the training and validation loss and reports the epoch where overfitting began: where validation
/// loss starts rising while training loss still falls, judged on trends over a window of epochs
/// (``TrendDetector``), not on one noisy epoch.
///
/// When it detects overfitting it warns once, hands a Markdown note to `note` (``TensorBoardLogger`` writes it
/// as a text summary when passed as the note's receiver), and, with `stopsTraining`, asks training to stop.
public final class OverfittingMonitor: Callback {
    /// The training-loss key.
    public let trainingKey: String
    /// The validation-loss key.
    public let validationKey: String
    /// Whether to stop training on detection.
    public let stopsTraining: Bool
    private let window: Int
    private let minimumSlope: Double
    private var detector: TrendDetector
    private let note: ((String, Int) -> Void)?
    /// The detection, once made.
    public private(set) var detection: TrendDetector.Overfitting?

    /// Creates the monitor.
    /// - Parameters:
    ///   - trainingKey: The training-loss key; `"loss"` by default.
    ///   - validationKey: The validation-loss key; `"val_loss"` by default.
    ///   - window: Epochs per trend window; 5 by default.
    ///   - minimumSlope: Validation-loss rise per epoch that counts; 0 by default.
    ///   - stopTraining: Whether to stop training on detection; `false` by default.
    ///   - note: Receives a Markdown note and the epoch on detection (for example to log it as text).
    public init(
        trainingKey: String = "loss",
        validationKey: String = "val_loss",
        window: Int = 5,
        minimumSlope: Double = 0,
        stopTraining: Bool = false,
        note: ((String, Int) -> Void)? = nil
    ) {
        self.trainingKey = trainingKey
        self.validationKey = validationKey
        self.window = window
        self.minimumSlope = minimumSlope
        self.stopsTraining = stopTraining
        self.note = note
        self.detector = TrendDetector(window: window, minimumSlope: minimumSlope)
    }

    public func trainingWillBegin(context: TrainingContext) {
        detector = TrendDetector(window: window, minimumSlope: minimumSlope)
        detection = nil
    }

    public func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
        guard let training = logs[trainingKey], let validation = logs[validationKey] else { return }
        guard let found = detector.observe(trainingLoss: training, validationLoss: validation) else { return }
        detection = found
        let message =
            "overfitting began at epoch \(found.onsetEpoch + 1): '\(validationKey)' has risen since its lowest value at epoch \(found.bestEpoch + 1) while '\(trainingKey)' keeps falling (trend over the last \(window) epochs: \(validationKey) \(Self.signed(found.validationSlope))/epoch, \(trainingKey) \(Self.signed(found.trainingSlope))/epoch)"
        context.warn(message)
        note?(
            "**Overfitting detected** at epoch \(found.detectedEpoch + 1).\n\nValidation loss was lowest at epoch \(found.bestEpoch + 1) and has been rising since epoch \(found.onsetEpoch + 1), while training loss keeps falling.\n\n| trend over \(window) epochs | per epoch |\n| --- | --- |\n| \(validationKey) | \(Self.signed(found.validationSlope)) |\n| \(trainingKey) | \(Self.signed(found.trainingSlope)) |",
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
