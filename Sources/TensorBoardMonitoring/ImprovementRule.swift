// ImprovementRule.swift: the one "is this value better?" rule that early stopping, checkpoints and learning-rate
// schedules share.

/// Whether a monitored value improves on a reference, as Keras's monitor callbacks decide it, with one fix:
/// NaN is never an improvement.
///
/// A value improves when, moved by `minDelta` against the direction of progress, it is still strictly better:
/// `value + minDelta < reference` when minimizing, `value - minDelta > reference` when maximizing. As in Keras
/// the comparison is made in 32-bit floats (Keras compares with tensor ops in `floatx`), so a change below
/// float32 resolution is no improvement. With no reference yet, any number improves.
public struct ImprovementRule: Sendable, Equatable, Codable {
    /// Which way is better.
    public enum Direction: String, Sendable, Codable {
        /// Lower is better (losses, errors).
        case minimize
        /// Higher is better (accuracy, AUC, precision, ...).
        case maximize
    }

    /// How the direction is chosen.
    public enum Mode: String, Sendable, Codable, CaseIterable {
        /// From the monitored name: losses and errors are minimized, accuracies and scores maximized.
        case auto
        /// Lower is better.
        case min
        /// Higher is better.
        case max
    }

    /// Why a rule cannot be made: the configuration error every monitoring type throws.
    public typealias Error = ConfigurationError

    /// Which way is better.
    public let direction: Direction
    /// The smallest change that counts (non-negative).
    public let minDelta: Double

    /// Creates a rule.
    /// - Parameters:
    ///   - direction: Which way is better.
    ///   - minDelta: The smallest change that counts; its sign is ignored.
    public init(direction: Direction, minDelta: Double = 0) {
        self.direction = direction
        self.minDelta = abs(minDelta)
    }

    /// Creates a rule for a monitored quantity.
    /// - Parameters:
    ///   - monitor: The logs key, such as `"val_loss"` or `"val_accuracy"`.
    ///   - mode: `.auto` infers the direction from the name without its `val_` prefix.
    ///   - minDelta: The smallest change that counts.
    /// - Throws: ``Error`` when `mode` is `.auto` and the name says nothing about the direction.
    public init(monitor: String, mode: Mode, minDelta: Double = 0) throws(Error) {
        switch mode {
        case .min: self.init(direction: .minimize, minDelta: minDelta)
        case .max: self.init(direction: .maximize, minDelta: minDelta)
        case .auto:
            guard let direction = Self.direction(ofMetric: monitor) else {
                throw Error(
                    type: "ImprovementRule",
                    parameter: "monitor",
                    received: monitor,
                    allowed: "name a loss, error, accuracy or score for mode .auto to tell whether it should be "
                        + "minimized or maximized; otherwise pass mode .min or .max"
                )
            }
            self.init(direction: direction, minDelta: minDelta)
        }
    }

    /// The direction a metric's name implies, or `nil` when it implies none. The `val_` prefix is ignored; a
    /// name containing `loss`, `error`, `crossentropy` (or being `mse`, `mae`, ...) is minimized, one containing
    /// `accuracy`, `acc`, `auc`, `precision`, `recall`, `f1`, `fbeta`, `iou` or `r2` is maximized.
    public static func direction(ofMetric name: String) -> Direction? {
        let metric = (name.hasPrefix("val_") ? String(name.dropFirst(4)) : name).lowercased()
        let words = metric.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "/" || $0 == " " }).map(String.init)
        let decreasing = ["loss", "error", "crossentropy", "mse", "mae", "rmse", "mape", "msle", "hinge", "divergence"]
        let increasing = ["accuracy", "acc", "auc", "precision", "recall", "f1", "fbeta", "iou", "r2"]
        if words.contains(where: { word in decreasing.contains(where: { word.hasSuffix($0) }) }) { return .minimize }
        if words.contains(where: { word in increasing.contains(where: { word.hasPrefix($0) }) }) { return .maximize }
        return nil
    }

    /// Whether `value` improves on `reference` (`nil`: nothing to beat yet). NaN never improves.
    public func isImprovement(_ value: Double, over reference: Double?) -> Bool {
        guard !value.isNaN else { return false }
        guard let reference else { return true }
        switch direction {
        case .minimize: return Float(value + minDelta) < Float(reference)
        case .maximize: return Float(value - minDelta) > Float(reference)
        }
    }
}
