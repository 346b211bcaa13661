// TrendDetector.swift: when training starts to overfit, judged on trends rather than single noisy epochs.

/// Finds the epoch where validation loss starts rising while training loss still falls.
///
/// Rule: at each epoch `e` with at least `window` epochs of both losses, estimate the trend of the last `window`
/// validation losses and of the last `window` training losses with the Theil–Sen slope (the median of the
/// slopes between every pair of epochs in the window). Overfitting is detected at the first epoch where the
/// validation slope is above `minimumSlope` and the training slope is below zero; its onset is the epoch after
/// the lowest validation loss seen so far. A median ignores a minority of outliers, so one noisy epoch in a
/// window of 5 cannot turn a falling trend into a rising one; a sustained rise does. NaN and infinite losses
/// are left out.
public struct TrendDetector: Sendable, Equatable {
    /// A detected beginning of overfitting.
    public struct Overfitting: Sendable, Equatable {
        /// The epoch at which the trend was detected.
        public var detectedEpoch: Int
        /// The first epoch after the lowest validation loss: where validation loss started rising.
        public var onsetEpoch: Int
        /// The epoch of the lowest validation loss.
        public var bestEpoch: Int
        /// Validation-loss trend (Theil–Sen slope, per epoch) over the window at detection.
        public var validationSlope: Double
        /// Training-loss trend (Theil–Sen slope, per epoch) over the window at detection.
        public var trainingSlope: Double
    }

    /// Epochs in each fitted window (at least 2: a slope needs two points).
    public let window: Int
    /// The validation slope (loss per epoch) above which validation loss counts as rising.
    public let minimumSlope: Double
    private var training: [Double] = []
    private var validation: [Double] = []
    /// The detection, once made (later epochs do not change it).
    public private(set) var detection: Overfitting?

    /// Creates a detector.
    /// - Parameters:
    ///   - window: Epochs per fitted window; 5 by default.
    ///   - minimumSlope: Validation slope above which loss is rising; 0 by default.
    /// - Throws: ``ConfigurationError`` when `window` is below 2, which no slope can be fitted to.
    public init(window: Int = 5, minimumSlope: Double = 0) throws(ConfigurationError) {
        try ConfigurationError.require(window, atLeast: 2, "window", in: "TrendDetector")
        self.window = window
        self.minimumSlope = minimumSlope
    }

    /// Forgets every epoch and the detection, keeping the window and the slope.
    public mutating func reset() {
        training = []
        validation = []
        detection = nil
    }

    /// Adds an epoch's losses (epochs in order, from 0) and returns the detection if this epoch made it.
    public mutating func observe(trainingLoss: Double, validationLoss: Double) -> Overfitting? {
        training.append(trainingLoss)
        validation.append(validationLoss)
        guard detection == nil, validation.count >= window else { return nil }
        let epoch = validation.count - 1
        guard let validationSlope = Self.slope(validation.suffix(window)),
            let trainingSlope = Self.slope(training.suffix(window)),
            validationSlope > minimumSlope, trainingSlope < 0
        else { return nil }
        var best = 0
        for (index, value) in validation.enumerated() where !value.isNaN {
            if validation[best].isNaN || value < validation[best] { best = index }
        }
        let found = Overfitting(
            detectedEpoch: epoch,
            onsetEpoch: min(best + 1, epoch),
            bestEpoch: best,
            validationSlope: validationSlope,
            trainingSlope: trainingSlope
        )
        detection = found
        return found
    }

    /// Runs the detector over whole series.
    /// - Throws: ``ConfigurationError`` when `window` is below 2.
    public static func detect(
        trainingLoss: [Double],
        validationLoss: [Double],
        window: Int = 5,
        minimumSlope: Double = 0
    ) throws(ConfigurationError) -> Overfitting? {
        var detector = try TrendDetector(window: window, minimumSlope: minimumSlope)
        for (train, validate) in zip(trainingLoss, validationLoss) {
            if let found = detector.observe(trainingLoss: train, validationLoss: validate) { return found }
        }
        return nil
    }

    /// The Theil–Sen slope of `values` against their positions (the median of the pairwise slopes), leaving
    /// non-finite values out; `nil` with fewer than two.
    static func slope(_ values: ArraySlice<Double>) -> Double? {
        let points = values.enumerated().filter { $0.element.isFinite }.map { (x: Double($0.offset), y: $0.element) }
        guard points.count >= 2 else { return nil }
        var slopes: [Double] = []
        for first in 0..<points.count {
            for second in (first + 1)..<points.count {
                slopes.append((points[second].y - points[first].y) / (points[second].x - points[first].x))
            }
        }
        slopes.sort()
        let middle = slopes.count / 2
        return slopes.count % 2 == 1 ? slopes[middle] : (slopes[middle - 1] + slopes[middle]) / 2
    }
}
