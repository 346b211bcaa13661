// HistogramCompression.swift: the Distributions dashboard's bands, computed as TensorBoard computes them.

import TensorBoardEvents

/// The values of a histogram at fixed basis points (hundredths of a percent) of its cumulative weight: the
/// bands the Distributions dashboard draws, computed as TensorBoard's `compressor.compress_histogram` does,
/// operation for operation, so that the values match its to the bit.
///
/// The weights are `count × 10000 / total` (total summed as numpy sums, or 1 when it is 0) accumulated left
/// to right; for each basis point the first bucket whose accumulated weight exceeds it (numpy's
/// `searchsorted(side="right")`, NaN sorting last) is interpolated linearly between its left edge (the
/// histogram's minimum for the first non-empty bucket) and its right edge (at most the maximum); buckets that add
/// no weight are passed over; basis points past the last weight get the histogram's maximum. An empty
/// histogram gives 0 at every basis point.
enum HistogramCompression {
    /// TensorBoard's basis points: the normal distribution's cumulative weight at −∞, −1.5σ, −σ, −0.5σ, 0, 0.5σ,
    /// σ, 1.5σ, +∞, giving bands of 1, 2 and 3 standard deviations around the median.
    static let basisPoints: [Double] = [0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000]

    /// The value at each of ``basisPoints``.
    static func compress(_ buckets: [HistogramBucket]) -> [Double] {
        guard let first = buckets.first, let last = buckets.last else { return basisPoints.map { _ in 0 } }
        let (lowest, highest) = (first.leftEdge, last.rightEdge)
        let counts = buckets.map(\.count)
        let total = PairwiseSum.sum(counts[...])
        let divisor = total != 0 ? total : 1.0
        var weights: [Double] = []
        weights.reserveCapacity(counts.count)
        var running = 0.0
        for count in counts {
            // numpy's cumsum starts from the first element, then adds left to right.
            let weight = count * basisPoints[basisPoints.count - 1] / divisor
            running = weights.isEmpty ? weight : running + weight
            weights.append(running)
        }
        var result: [Double] = []
        for basisPoint in basisPoints {
            var index = searchSortedRight(weights, basisPoint)
            var value: Double?
            while index < weights.count {
                let cumulative = weights[index]
                let previous = index > 0 ? weights[index - 1] : 0.0
                if cumulative == previous {
                    index += 1
                    continue
                }
                let left = index == 0 || previous == 0 ? lowest : pythonMax(buckets[index - 1].rightEdge, lowest)
                let right = pythonMin(buckets[index].rightEdge, highest)
                value = left + (basisPoint - previous) * (right - left) / (cumulative - previous)
                break
            }
            guard let value else { break }
            result.append(value)
        }
        while result.count < basisPoints.count { result.append(highest) }
        return result
    }

    /// numpy's `searchsorted(values, key, side="right")` on one key: its binary search, with its order (NaN
    /// after every number), so that unsorted weights (negative counts) give the index it gives.
    static func searchSortedRight(_ values: [Double], _ key: Double) -> Int {
        func less(_ a: Double, _ b: Double) -> Bool { a < b || (b.isNaN && !a.isNaN) }
        var (low, high) = (0, values.count)
        while low < high {
            let middle = low + (high - low) >> 1
            if !less(key, values[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Python's `max(a, b)`: `b` only when it is greater.
    private static func pythonMax(_ a: Double, _ b: Double) -> Double { b > a ? b : a }
    /// Python's `min(a, b)`: `b` only when it is less.
    private static func pythonMin(_ a: Double, _ b: Double) -> Double { b < a ? b : a }
}
