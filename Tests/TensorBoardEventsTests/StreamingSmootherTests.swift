import TestSupport
import Testing

@testable import TensorBoardEvents

@Suite struct StreamingSmootherTests {
    /// Series with what changes the smoothing: constant prefixes, NaN and infinities (first, inside, last),
    /// a single point, negative zero, huge and tiny values, and random walks.
    static let series: [[Double]] = {
        var generator = SplitMix64(seed: 7)
        var random: [[Double]] = []
        for length in [1, 2, 17, 300] {
            var value = 1.0
            random.append(
                (0..<length).map { _ in
                    value += Double(generator.next() % 2001) / 1000 - 1
                    return value
                }
            )
        }
        return random + [
            [], [0.5], [2, 2, 2, 2], [2, 2, 2, 3, 2], [.nan], [.nan, 1, 2], [1, .nan, 2, .infinity, 3, -.infinity],
            [.infinity, .infinity], [3, 3, .nan, 3], [-0.0, 0, 0], [1e308, -1e308, 1e308],
            [.leastNormalMagnitude / 1024, .leastNonzeroMagnitude, 1],
            [1, 2, 3, .nan],
        ]
    }()

    @Test(arguments: [0, 0.3, 0.6, 0.9, 0.99, 1])
    func equalsTheWholeSeriesSmoothingOnEveryPrefixBitForBit(weight: Double) {
        for values in Self.series {
            var smoother = StreamingSmoother(weight: weight)
            for count in values.indices {
                let streamed = smoother.smooth(values[count])
                let whole = Smoothing.smooth(Array(values[...count]), weight: weight)
                #expect(
                    streamed.bitPattern == whole.last?.bitPattern,
                    "weight \(weight), \(values.prefix(8)) at \(count): \(streamed) vs \(whole.last ?? .nan)"
                )
            }
        }
    }

    @Test func aCopyContinuesTheSeriesWhereItStood() {
        var smoother = StreamingSmoother()
        for value in [1.0, 0.8, 0.9] { _ = smoother.smooth(value) }
        var resumed = smoother
        #expect(resumed.smooth(0.7) == smoother.smooth(0.7))
        #expect(smoother.finiteCount == 4 && smoother.weight == 0.6)
    }
}
