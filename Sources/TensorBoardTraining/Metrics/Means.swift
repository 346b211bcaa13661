// Means.swift: the weighted mean of values, such as the per-batch loss, and of samples.

/// The weighted mean of the values it is given, as Keras's `Mean`. The training loop feeds it each batch's
/// mean loss weighted by the batch size, which gives the epoch's mean loss per sample.
public final class Mean {
    /// The name used in logs.
    public let name: String
    private var total = 0.0
    private var count = 0.0

    /// Creates a mean.
    /// - Parameter name: The name used in logs; `"loss"` by default.
    public init(name: String = "loss") {
        self.name = name
    }

    /// Adds a value with a weight (for a batch's mean loss, the batch size).
    public func update(_ value: Double, weight: Double = 1) {
        total += value * weight
        count += weight
    }

    /// The weighted mean so far, 0 before any value.
    public var result: Double { divideNoNaN(total, count) }

    /// Forgets every value.
    public func reset() {
        total = 0
        count = 0
    }
}

/// The weighted mean of a per-sample quantity of `yTrue` and `yPred` (Keras's `MeanMetricWrapper`).
public class MeanOfSamples: Metric {
    /// The name in logs.
    public let name: String
    private let perSample: ([Double], [Double]) -> Double
    private var total = 0.0
    private var count = 0.0

    init(name: String, perSample: @escaping ([Double], [Double]) -> Double) {
        self.name = name
        self.perSample = perSample
    }

    /// Adds each row's per-sample value, weighted by its sample weight.
    public func update(yTrue: [[Double]], yPred: [[Double]], sampleWeight: [Double]?) {
        for index in 0..<min(yTrue.count, yPred.count) {
            let sampleWeight = weight(sampleWeight, index)
            total += perSample(yTrue[index], yPred[index]) * sampleWeight
            count += sampleWeight
        }
    }

    /// The weighted mean so far, 0 before any sample.
    public var result: Double { divideNoNaN(total, count) }

    /// Forgets every batch.
    public func reset() {
        total = 0
        count = 0
    }
}
