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
    /// Non-finite values are left out (TensorBoard's own bucketing turns them into NaN edges or loses them), as
    /// are values beyond `Double`'s range (possible only for `Float80`). The result never holds a non-finite
    /// edge, and nothing here can trap: when `max − min` overflows (values near both `±greatestFiniteMagnitude`)
    /// the same formula is worked at half scale, and when `w` underflows to 0 (a range of a few subnormals) the
    /// minimum goes to the first bucket and every larger value to the last.
    /// - Parameters:
    ///   - values: The values.
    ///   - bucketCount: How many buckets; 0 or fewer gives none.
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
        if minimum == maximum {
            var buckets = Array(
                repeating: HistogramBucket(leftEdge: minimum, rightEdge: minimum, count: 0),
                count: bucketCount
            )
            buckets[bucketCount - 1].count = Double(finiteCount)
            return buckets
        }
        // Halving keeps `max − min` finite; it is exact but for subnormals, far below a bucket's width then.
        let scale: Double = (maximum - minimum).isFinite ? 1 : 0.5
        let low = minimum * scale
        let width = (maximum * scale - low) / Double(bucketCount)
        var counts = [Double](repeating: 0, count: bucketCount)
        for element in values {
            let value = Double(element)
            guard value.isFinite else { continue }
            counts[index(of: (value * scale - low) / width, bucketCount: bucketCount)] += 1
        }
        var buckets: [HistogramBucket] = []
        buckets.reserveCapacity(bucketCount)
        for index in 0..<bucketCount {
            let left = (Double(index) * width + low) / scale
            let right = index == bucketCount - 1 ? maximum : (Double(index + 1) * width + low) / scale
            buckets.append(HistogramBucket(leftEdge: left, rightEdge: right, count: counts[index]))
        }
        return buckets
    }

    /// The bucket of a value at `position` bucket widths above the minimum: `min(⌊position⌋, bucketCount − 1)`,
    /// with `+∞` (a width that underflowed to 0) in the last bucket and NaN (0/0, the minimum itself then) in the
    /// first, so that no non-finite or out-of-range number is ever converted to `Int`.
    private static func index(of position: Double, bucketCount: Int) -> Int {
        if position >= Double(bucketCount - 1) { return bucketCount - 1 }
        if position > 0 { return Int(position.rounded(.down)) }
        return 0
    }
}
