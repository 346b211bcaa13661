// SeedStatistics.swift: count, mean, standard deviation, min, max and median of one step's values over runs.

/// The statistics of the values several runs logged for one tag at one step, as pandas computes them over a
/// row of the runs' outer-joined frame (`DataFrame.count`, `mean`, `std`, `min`, `max`, `median` with
/// `axis=1`), which is what tensorboard-reducer reports, to the last bit.
///
/// The row has one slot per run that logged the tag, NaN where the run did not log the step (or logged NaN):
/// NaN is left out, as pandas leaves it out. `count` is the number of values that are not NaN, and every
/// statistic is of those; with none, `count` is 0 and the rest NaN. Infinities count and propagate as IEEE
/// arithmetic has them (the mean of `1` and `inf` is `inf`, their standard deviation NaN).
///
/// How the sums are added decides the last bit, so they are added as pandas adds them: the mean's sum in slot
/// order, one value after another; the standard deviation by pandas' two-pass formula,
/// `sqrt(Σ (m − x)² / (count − 1))` with `m` the sum over `count`, both sums over the whole row (a NaN slot
/// adding 0) in numpy's pairwise order (``PairwiseSum``). It is the sample standard deviation (`ddof = 1`), NaN
/// for fewer than two values. The median of an even count is the mean of the middle two.
struct SeedStatistics: Equatable, Sendable {
    /// The number of values that are not NaN.
    let count: Int
    /// Their mean.
    let mean: Double
    /// Their sample standard deviation.
    let std: Double
    /// The smallest.
    let minimum: Double
    /// The largest.
    let maximum: Double
    /// The middle one, or the mean of the middle two.
    let median: Double

    /// The statistics of a row of values, NaN for a run without a value.
    init(_ row: [Double]) {
        let sorted = row.filter { !$0.isNaN }.sorted()
        count = sorted.count
        guard let smallest = sorted.first, let largest = sorted.last else {
            (mean, std, minimum, maximum, median) = (.nan, .nan, .nan, .nan, .nan)
            return
        }
        let filled = row.map { $0.isNaN ? 0 : $0 }
        mean = filled.dropFirst().reduce(filled[0], +) / Double(count)
        if count > 1 {
            let center = PairwiseSum.sum(filled[...]) / Double(count)
            let squares = row.map { $0.isNaN ? 0 : (center - $0) * (center - $0) }
            std = (PairwiseSum.sum(squares[...]) / Double(count - 1)).squareRoot()
        } else {
            std = .nan
        }
        (minimum, maximum) = (smallest, largest)
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
