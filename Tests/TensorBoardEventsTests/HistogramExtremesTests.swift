import TestSupport
import Testing

@testable import TensorBoardEvents

/// Values a histogram may be given, each with what the buckets must hold.
struct HistogramCase: Sendable, CustomTestStringConvertible {
    var name: String
    var values: [Double]
    var bucketCount: Int

    /// How many values are finite (the only ones counted).
    var finiteCount: Int { values.filter(\.isFinite).count }

    var testDescription: String { "\(name) in \(bucketCount) buckets" }

    static let greatest = Double.greatestFiniteMagnitude
    static let tiny = Double.leastNonzeroMagnitude
    static let all: [HistogramCase] = [
        .init(name: "±greatestFiniteMagnitude", values: [-greatest, greatest], bucketCount: 30),
        .init(name: "±greatestFiniteMagnitude", values: [-greatest, greatest], bucketCount: 1),
        .init(name: "±greatestFiniteMagnitude and 0", values: [-greatest, 0, greatest, greatest], bucketCount: 7),
        .init(name: "greatestFiniteMagnitude alone", values: [greatest, greatest], bucketCount: 30),
        .init(name: "±infinity", values: [-.infinity, .infinity], bucketCount: 30),
        .init(name: "NaN", values: [.nan, .nan], bucketCount: 30),
        .init(name: "NaN, infinities and numbers", values: [.nan, 1, -.infinity, 2, .infinity, 3], bucketCount: 4),
        .init(name: "infinities and greatest", values: [.infinity, -greatest, greatest, -.infinity], bucketCount: 3),
        .init(name: "no values", values: [], bucketCount: 30),
        .init(name: "a subnormal range", values: [0, tiny], bucketCount: 30),
        .init(name: "subnormals", values: [tiny, 2 * tiny, 3 * tiny], bucketCount: 30),
        .init(name: "no buckets", values: [1, 2], bucketCount: 0),
        .init(name: "negative bucket count", values: [1, 2], bucketCount: -3),
    ]
}

/// The histogram writer's bucketing on extreme values: never a trap, never a non-finite edge, every finite value
/// counted, and read back exactly as written.
@Suite struct HistogramExtremesTests {
    let directory = TemporaryDirectory()

    @Test(arguments: HistogramCase.all)
    func bucketsAreFiniteOrderedAndCountEveryFiniteValue(_ example: HistogramCase) {
        let buckets = HistogramBuckets.make(values: example.values, bucketCount: example.bucketCount)
        #expect(buckets.count == max(0, example.bucketCount))
        #expect(buckets.allSatisfy { $0.leftEdge.isFinite && $0.rightEdge.isFinite && $0.leftEdge <= $0.rightEdge })
        #expect(zip(buckets, buckets.dropFirst()).allSatisfy { $0.rightEdge <= $1.leftEdge })
        let counted = buckets.reduce(0) { $0 + $1.count }
        #expect(counted == (buckets.isEmpty ? 0 : Double(example.finiteCount)))
        let finite = example.values.filter(\.isFinite)
        if let low = finite.min(), let high = finite.max(), !buckets.isEmpty {
            #expect(buckets.first?.leftEdge == low)
            #expect(buckets.last?.rightEdge == high)
        }
    }

    @Test(arguments: HistogramCase.all)
    func whatIsWrittenReadsBackTheSame(_ example: HistogramCase) throws {
        let run = directory.path + "/" + String(example.testDescription.hashValue.magnitude)
        let writer = try SummaryWriter(runDirectory: run)
        try writer.histogram("h", values: example.values, step: 3, bucketCount: example.bucketCount, wallTime: 10)
        try writer.histogram("f", values: example.values.map(Float.init), step: 3, bucketCount: 5, wallTime: 10)
        try writer.close()
        let contents = try Logdir.read(run)
        #expect(contents.damage.isEmpty)
        let read = try #require(contents.runs.first)
        #expect(
            read.points("h").map(\.value)
                == [.histogram(HistogramBuckets.make(values: example.values, bucketCount: example.bucketCount))]
        )
        #expect(
            read.points("f").map(\.value)
                == [.histogram(HistogramBuckets.make(values: example.values.map(Float.init), bucketCount: 5))]
        )
    }

    @Test func halfScaleBucketingSplitsTheWholeDoubleRangeAtZero() {
        let greatest = Double.greatestFiniteMagnitude
        let buckets = HistogramBuckets.make(
            values: [-greatest, -greatest / 4, greatest / 4, greatest, greatest],
            bucketCount: 2
        )
        #expect(
            buckets == [
                HistogramBucket(leftEdge: -greatest, rightEdge: 0, count: 2),
                HistogramBucket(leftEdge: 0, rightEdge: greatest, count: 3),
            ]
        )
    }

    @Test func anUnderflowingWidthPutsTheMinimumFirstAndTheRestLast() {
        let tiny = Double.leastNonzeroMagnitude
        let buckets = HistogramBuckets.make(values: [0, tiny, tiny], bucketCount: 30)
        #expect(buckets.map(\.count) == [1] + Array(repeating: 0, count: 28) + [2])
        #expect(buckets.last?.rightEdge == tiny)
    }

    @Test func manyValuesAreAllCounted() {
        let buckets = HistogramBuckets.make(values: repeatElement(Float(0.5), count: 1_000_000), bucketCount: 30)
        #expect(buckets.last?.count == 1_000_000)
    }

    /// Buckets given as they are, with non-finite edges and huge or non-finite counts, read back bit for bit.
    @Test(arguments: [
        [HistogramBucket(leftEdge: -.infinity, rightEdge: .infinity, count: .greatestFiniteMagnitude)],
        [
            HistogramBucket(leftEdge: .nan, rightEdge: 1, count: .nan),
            HistogramBucket(leftEdge: 1, rightEdge: 2, count: 1e300),
        ],
        [HistogramBucket(leftEdge: 0, rightEdge: 1, count: .infinity)],
        [],
    ])
    func givenBucketsReadBackBitForBit(_ buckets: [HistogramBucket]) throws {
        let run = directory.path + "/given"
        let writer = try SummaryWriter(runDirectory: run)
        try writer.histogram("given", buckets: buckets, step: 1, wallTime: 10)
        try writer.close()
        let contents = try Logdir.read(run)
        #expect(contents.damage.isEmpty)
        let points = try #require(contents.runs.first).points("given")
        guard points.count == 1, case .histogram(let read) = points[0].value else {
            Issue.record("expected one histogram, read \(points.map(\.value))")
            return
        }
        func bits(_ list: [HistogramBucket]) -> [UInt64] {
            list.flatMap { [$0.leftEdge.bitPattern, $0.rightEdge.bitPattern, $0.count.bitPattern] }
        }
        #expect(bits(read) == bits(buckets))
    }
}
