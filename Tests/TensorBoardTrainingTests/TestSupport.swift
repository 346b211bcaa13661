// Shared helpers for the training-layer tests.

import Foundation
import TestSupport

/// A tensor as the fixtures store it: flattened values with a shape (floats as float64 bit patterns).
struct FixtureTensor: Decodable {
    var dtype: String
    var shape: [Int]
    var hex: [String]?
    var int: [Int64]?

    /// The values as doubles (NaN for a malformed entry).
    var values: [Double] {
        if let hex { return hex.map { UInt64($0, radix: 16).map(Double.init(bitPattern:)) ?? .nan } }
        return (int ?? []).map(Double.init)
    }

    /// The values as rows: one per sample (a rank-1 tensor gives one-element rows).
    var rows: [[Double]] {
        let flat = values
        guard shape.count == 2, let width = shape.last, width > 0 else { return flat.map { [$0] } }
        return stride(from: 0, to: flat.count, by: width).map { Array(flat[$0..<min($0 + width, flat.count)]) }
    }
}

/// Whether `ours` (computed in doubles) equals a value Keras computed in float32: within `ulps` float32 units in
/// the last place of Keras's value. Two units cover the rounding of a few float32 operations (Keras's F1 is
/// off by up to 1.6, and would be off by 2.8 with the textbook `2PR / (P + R)`); Keras's PR AUC cancels in
/// float32 and needs more. A Keras 0 must be 0 here up to double rounding.
func matchesFloat32(_ ours: Double, _ keras: Double, ulps: Double = 2) -> Bool {
    if ours.isNaN || keras.isNaN { return ours.isNaN && keras.isNaN }
    if keras == 0 { return abs(ours) <= 1e-15 }
    return abs(ours - keras) <= ulps * Double(Float(keras).ulp)
}

/// Whether `ours` equals a value scikit-learn computed in float64 (up to summation order).
func matchesFloat64(_ ours: Double, _ sklearn: Double) -> Bool {
    if ours.isNaN || sklearn.isNaN { return ours.isNaN && sklearn.isNaN }
    return abs(ours - sklearn) <= max(abs(sklearn), 1) * 1e-12
}
