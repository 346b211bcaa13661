// PairwiseSum.swift: numpy's pairwise summation, which pandas' standard deviation adds with.

/// The sum of doubles added as numpy's `pairwise_sum` adds a contiguous row (what pandas' `std` runs on), so
/// that the standard deviation comes out as pandas computes it, to the last bit: fewer than 8 values one after
/// the other; up to 128 in 8 interleaved partial sums, combined as a balanced tree, then the rest one by one;
/// more split in two halves (the first a multiple of 8 long), each summed so. Its rounding error grows with
/// the logarithm of the count, not the count.
enum PairwiseSum {
    /// The sum of `values`.
    static func sum(_ values: ArraySlice<Double>) -> Double {
        let count = values.count
        let start = values.startIndex
        if count < 8 {
            // numpy starts from -0.0, so that a sum of negative zeros is one.
            return values.reduce(-0.0, +)
        }
        if count <= 128 {
            var partial = Array(values[start..<(start + 8)])
            var index = 8
            while index < count - count % 8 {
                for lane in 0..<8 { partial[lane] += values[start + index + lane] }
                index += 8
            }
            var total =
                ((partial[0] + partial[1]) + (partial[2] + partial[3]))
                + ((partial[4] + partial[5]) + (partial[6] + partial[7]))
            while index < count {
                total += values[start + index]
                index += 1
            }
            return total
        }
        var half = count / 2
        half -= half % 8
        return sum(values[start..<(start + half)]) + sum(values[(start + half)...])
    }
}
