// StreamingSmoother.swift: TensorBoard's smoothing one value at a time, for monitors that see one epoch at a time.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// TensorBoard's scalar smoothing (``Smoothing``) fed one value at a time: the value ``smooth(_:)`` returns for
/// the n-th value is, bit for bit, the last value of `Smoothing.smooth` over the first n values.
///
/// So while every value so far equals the first, the value comes back unchanged (TensorBoard shows a constant
/// series as it is); non-finite values come back unchanged and do not count. The smoother is a value: copy it to
/// save where a series stands, and give the copy back to continue it (a resumed run).
public struct StreamingSmoother: Sendable, Equatable, Codable {
    /// The smoothing weight in `0...1`.
    public let weight: Double
    private var first: Double?
    private var isConstant = true
    private var last = 0.0
    private var count = 0.0

    /// Creates a smoother that has seen no value.
    /// - Parameter weight: The smoothing weight in `0...1`; TensorBoard's default 0.6 by default.
    public init(weight: Double = Smoothing.defaultWeight) {
        self.weight = weight
    }

    /// The number of finite values seen.
    public var finiteCount: Int { Int(count) }

    /// Takes the next value of the series.
    /// - Parameter value: The next value, in step order.
    /// - Returns: The smoothed value at this point, as TensorBoard's chart shows it for the series so far.
    public mutating func smooth(_ value: Double) -> Double {
        if let first {
            // `==` as JavaScript compares: NaN equals nothing, so a series holding NaN is never constant.
            isConstant = isConstant && value == first
        } else {
            first = value
            isConstant = value == value
        }
        guard value.isFinite else { return value }
        // The same operations in the same order as `Smoothing.smooth`, so the results are the same bits.
        last = last * weight + (1 - weight) * value
        count += 1
        let debias = weight == 1 ? 1 : 1 - pow(weight, count)
        return isConstant ? value : last / debias
    }
}
