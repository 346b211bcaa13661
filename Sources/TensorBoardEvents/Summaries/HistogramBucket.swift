// HistogramBucket.swift: one bucket of a histogram, as written and as read.

/// One bucket of a histogram: values `v` with `leftEdge <= v < rightEdge` (the last bucket includes its right
/// edge), and how many there were.
public struct HistogramBucket: Sendable, Equatable {
    /// The left edge.
    public var leftEdge: Double
    /// The right edge.
    public var rightEdge: Double
    /// How many values fell in the bucket.
    public var count: Double

    /// Creates a bucket.
    /// - Parameters:
    ///   - leftEdge: The left edge.
    ///   - rightEdge: The right edge.
    ///   - count: How many values fell in it.
    public init(leftEdge: Double, rightEdge: Double, count: Double) {
        self.leftEdge = leftEdge
        self.rightEdge = rightEdge
        self.count = count
    }
}
