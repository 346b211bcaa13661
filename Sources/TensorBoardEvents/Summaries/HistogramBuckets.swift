// HistogramBuckets.swift: bucketing raw values the way TensorBoard's histogram summary does.

/// TensorBoard's histogram bucketing (`tensorboard.plugins.histogram` summaries, both the NumPy and the
/// TensorFlow version), reproduced exactly so that a histogram written here matches one written there.
package enum HistogramBuckets {
    /// TensorBoard's default bucket count.
    package static let defaultBucketCount = 30

    /// Buckets `values` into `bucketCount` equal-width buckets between their minimum and maximum.
    ///
    /// As in TensorBoard: with no values (or no buckets) every bucket is all zeros; when all values are equal,
    /// every bucket has both edges at that value and the last one holds all of them; otherwise bucket `i` spans
    /// `min + i·w` to `min + (i+1)·w` with `w = (max − min)/bucketCount` (the last right edge is exactly `max`),
    /// and a value goes to bucket `min(⌊(v − min)/w⌋, bucketCount − 1)`.
    ///
    /// Non-finite values are left out (TensorBoard's own bucketing turns them into NaN edges or loses them).
    /// - Parameters:
    ///   - values: The values.
    ///   - bucketCount: How many buckets; 0 gives none.
    /// - Returns: `bucketCount` buckets.
    package static func make<C: Collection>(values: C, bucketCount: Int = defaultBucketCount) -> [HistogramBucket]
    where C.Element: BinaryFloatingPoint {
        let bucketCount = max(0, bucketCount)
        var minimum = Double.infinity
        var maximum = -Double.infinity
        var finiteCount = 0
        for element in values {
            let value = Double(element)
            guard value.isFinite else { continue }
            finiteCount += 1
            if value < minimum { minimum = value }
            if value > maximum { maximum = value }
        }
        guard bucketCount > 0, finiteCount > 0 else {
            return Array(repeating: HistogramBucket(leftEdge: 0, rightEdge: 0, count: 0), count: bucketCount)
        }
        let range = maximum - minimum
        if range == 0 {
            var buckets = Array(
                repeating: HistogramBucket(leftEdge: minimum, rightEdge: minimum, count: 0),
                count: bucketCount
            )
            buckets[bucketCount - 1].count = Double(finiteCount)
            return buckets
        }
        let width = range / Double(bucketCount)
        var counts = [Double](repeating: 0, count: bucketCount)
        for element in values {
            let value = Double(element)
            guard value.isFinite else { continue }
            let index = min(Int(((value - minimum) / width).rounded(.down)), bucketCount - 1)
            counts[index] += 1
        }
        var buckets: [HistogramBucket] = []
        buckets.reserveCapacity(bucketCount)
        for index in 0..<bucketCount {
            let left = Double(index) * width + minimum
            let right = index == bucketCount - 1 ? maximum : Double(index + 1) * width + minimum
            buckets.append(HistogramBucket(leftEdge: left, rightEdge: right, count: counts[index]))
        }
        return buckets
    }
}
