// Metric.swift: a streaming metric: updated batch by batch, read at the end of the epoch, reset for the next.

/// A streaming metric, as Keras's: ``update(yTrue:yPred:sampleWeight:)`` per batch, ``result`` at any time
/// (over everything since the last ``reset()``), ``reset()`` between epochs.
///
/// Inputs are rows, one per sample: a label or target per row (`[[1], [0]]`, or one-hot rows), and the
/// model's scores, probabilities or outputs per row. Sample weights, when given, weight each row. No result
/// is ever NaN because a denominator is empty: such results are 0, as in Keras.
public protocol Metric: AnyObject {
    /// The name used in logs (`accuracy`, `precision`, ...); validation logs prefix it with `val_`.
    var name: String { get }
    /// Adds a batch.
    /// - Parameters:
    ///   - yTrue: Labels or targets, one row per sample.
    ///   - yPred: Predictions, one row per sample.
    ///   - sampleWeight: One weight per sample, or `nil` for equal weights.
    func update(yTrue: [[Double]], yPred: [[Double]], sampleWeight: [Double]?)
    /// The value over every batch since the last reset.
    var result: Double { get }
    /// Forgets every batch.
    func reset()
}

extension Metric {
    /// Adds a batch of one value per sample.
    public func update(yTrue: [Double], yPred: [Double], sampleWeight: [Double]? = nil) {
        update(yTrue: yTrue.map { [$0] }, yPred: yPred.map { [$0] }, sampleWeight: sampleWeight)
    }

    /// Adds a batch without sample weights.
    public func update(yTrue: [[Double]], yPred: [[Double]]) {
        update(yTrue: yTrue, yPred: yPred, sampleWeight: nil)
    }
}

/// `numerator / denominator`, or 0 when the denominator is 0 (Keras's `divide_no_nan`).
@inline(__always)
func divideNoNaN(_ numerator: Double, _ denominator: Double) -> Double {
    denominator == 0 ? 0 : numerator / denominator
}

/// The index of the first largest value of a row (NaN never wins), or 0 for an empty row.
@inline(__always)
func firstArgmax(_ row: [Double]) -> Int {
    var best = 0
    for index in row.indices where row[index] > row[best] || (row[best].isNaN && !row[index].isNaN) {
        best = index
    }
    return best
}

/// The class index a label value names: `value` when it is a whole number in `0..<count`, else `nil` (NaN,
/// infinite, fractional, negative or too large), so that no label from a file or a user can trap.
@inline(__always)
func classIndex(_ value: Double, count: Int) -> Int? {
    // `value < Double(count)` keeps `Int(value)` in range: Double(Int.max) is 2⁶³, above every such value.
    guard value >= 0, value < Double(count), value == value.rounded(.towardZero) else { return nil }
    return Int(value)
}

/// The weight of row `index`: 1 without sample weights.
@inline(__always)
func weight(_ weights: [Double]?, _ index: Int) -> Double {
    guard let weights, index < weights.count else { return 1 }
    return weights[index]
}
