// HistogramProto.swift: the legacy histogram message.

/// A legacy histogram: summary statistics and bucket counts. Proto message `HistogramProto`.
///
/// `bucketCounts[i]` counts the values in bucket `i`, whose right edge is `bucketLimits[i]`; its left edge is
/// the previous limit (or `min` for the first bucket). Both arrays have the same length.
public struct HistogramProto: Sendable, Equatable {
    /// The smallest value. Proto field `min = 1` (double).
    public var min: Double
    /// The largest value. Proto field `max = 2` (double).
    public var max: Double
    /// The number of values. Proto field `num = 3` (double).
    public var count: Double
    /// The sum of the values. Proto field `sum = 4` (double).
    public var sum: Double
    /// The sum of the squares of the values. Proto field `sum_squares = 5` (double).
    public var sumOfSquares: Double
    /// Right edges of the buckets. Proto field `repeated double bucket_limit = 6` (packed).
    public var bucketLimits: [Double]
    /// Counts of the buckets. Proto field `repeated double bucket = 7` (packed).
    public var bucketCounts: [Double]

    /// Creates a histogram.
    /// - Parameters:
    ///   - min: The smallest value.
    ///   - max: The largest value.
    ///   - count: The number of values.
    ///   - sum: The sum of the values.
    ///   - sumOfSquares: The sum of their squares.
    ///   - bucketLimits: Right edges of the buckets.
    ///   - bucketCounts: Counts of the buckets.
    public init(
        min: Double = 0,
        max: Double = 0,
        count: Double = 0,
        sum: Double = 0,
        sumOfSquares: Double = 0,
        bucketLimits: [Double] = [],
        bucketCounts: [Double] = []
    ) {
        self.min = min
        self.max = max
        self.count = count
        self.sum = sum
        self.sumOfSquares = sumOfSquares
        self.bucketLimits = bucketLimits
        self.bucketCounts = bucketCounts
    }
}

extension HistogramProto: WireCodable {
    /// Creates an empty histogram.
    public init() {
        self.init(min: 0)
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .fixed64): min = try reader.readDouble()
            case (2, .fixed64): max = try reader.readDouble()
            case (3, .fixed64): count = try reader.readDouble()
            case (4, .fixed64): sum = try reader.readDouble()
            case (5, .fixed64): sumOfSquares = try reader.readDouble()
            case (6, .lengthDelimited): try reader.readPackedDoubles(into: &bucketLimits)
            case (6, .fixed64): bucketLimits.append(try reader.readDouble())
            case (7, .lengthDelimited): try reader.readPackedDoubles(into: &bucketCounts)
            case (7, .fixed64): bucketCounts.append(try reader.readDouble())
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if min.bitPattern != 0 { writer.writeField(1, double: min) }
        if max.bitPattern != 0 { writer.writeField(2, double: max) }
        if count.bitPattern != 0 { writer.writeField(3, double: count) }
        if sum.bitPattern != 0 { writer.writeField(4, double: sum) }
        if sumOfSquares.bitPattern != 0 { writer.writeField(5, double: sumOfSquares) }
        writer.writePacked(6, doubles: bucketLimits)
        writer.writePacked(7, doubles: bucketCounts)
    }
}
