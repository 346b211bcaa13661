import TestSupport
import Testing

@testable import EventDumpKit

// Every chart path is total: finite ranges with minimum < maximum, ticks that end, and integer conversions that
// are clamped, whatever the values.

private func line(_ values: [Double], label: String = "s") -> PlotSeries {
    PlotSeries(label: label, points: values.enumerated().map { (x: Double($0.offset), y: $0.element) })
}

/// The checks every tick list must pass: finite, strictly increasing, inside the range (to a rounding), bounded.
private func expectGoodTicks(_ ticks: [Double], _ low: Double, _ high: Double, count: Int) {
    #expect(!ticks.isEmpty && ticks.count <= max(3 * count, 1000))
    #expect(ticks.allSatisfy { $0.isFinite })
    #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0 < $1 })
    #expect(ticks.allSatisfy { $0 >= low && $0 <= high }, "\(low)...\(high): \(ticks)")
}

@Suite struct PlotScaleTests {
    static let largest = Double.greatestFiniteMagnitude

    @Test(
        arguments: [
            [largest, -largest], [1e308, -1e308, 0], [largest, largest * 0.999], [-largest],
            [0.0], [-0.0], [1.0, 1.0, 1.0], [1e20, 1e20], [.leastNonzeroMagnitude],
            [.leastNonzeroMagnitude, 2 * .leastNonzeroMagnitude], [1.0, 1.0.nextUp],
            [Double.nan, 3.0, .infinity], [-1e-300, 1e-300],
        ] as [[Double]]
    )
    func aScaleIsFiniteAndNonEmptyWhateverTheValues(values: [Double]) throws {
        let scale = try #require(PlotScale([line(values)]))
        for (low, high) in [(scale.minimumX, scale.maximumX), (scale.minimumY, scale.maximumY)] {
            #expect(low.isFinite && high.isFinite && low < high, "\(low)...\(high)")
        }
        for value in values where value.isFinite {
            let unit = scale.unitY(value)
            #expect(unit >= 0 && unit <= 1)
        }
        for value in [Double.nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude] {
            #expect((0...1).contains(scale.unitY(value)) && (0...1).contains(scale.unitX(value)))
        }
        expectGoodTicks(
            PlotScale.ticks(scale.minimumY, scale.maximumY, count: 6),
            scale.minimumY,
            scale.maximumY,
            count: 6
        )
        expectGoodTicks(
            PlotScale.ticks(scale.minimumX, scale.maximumX, count: 8),
            scale.minimumX,
            scale.maximumX,
            count: 8
        )
    }

    @Test func aSinglePointOrEqualValuesSitInsideTheFrameNotOnIt() throws {
        // (The largest double itself can only sit on the frame: no double is above it.)
        for value in [0.0, 1, -3.5, 1e20, -1e300, 1e308] {
            let scale = try #require(PlotScale([line([value, value])]))
            let unit = scale.unitY(value)
            #expect(unit > 0.25 && unit < 0.75, "\(value): \(unit)")
        }
        let single = try #require(PlotScale([PlotSeries(label: "one", points: [(x: 7, y: 2)])]))
        #expect(single.unitX(7) > 0 && single.unitX(7) < 1)
    }

    @Test func onlyNaNAndInfinitiesOrNoPointsGiveNoScale() {
        #expect(PlotScale([line([.nan, .infinity, -.infinity])]) == nil)
        #expect(PlotScale([line([]), line([.nan])]) == nil)
        #expect(PlotScale([]) == nil)
    }

    @Test func ticksEndOnAnyRangeAndStayInIt() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<20_000 {
            var a = Double(bitPattern: generator.next())
            var b = Double(bitPattern: generator.next())
            if !a.isFinite { a = 0 }
            if !b.isFinite { b = 1 }
            let (low, high) = (min(a, b), max(a, b))
            guard low < high else { continue }
            let count = Int(generator.next() % 40) + 2
            expectGoodTicks(PlotScale.ticks(low, high, count: count), low, high, count: count)
        }
        #expect(PlotScale.ticks(.nan, 1, count: 5).isEmpty)
        #expect(PlotScale.ticks(0, .infinity, count: 5) == [0])
        #expect(PlotScale.ticks(0, 1, count: 6) == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
    }

    @Test func labelsAndGridIndicesAreTotal() {
        #expect(PlotScale.label(.infinity) == "inf" && PlotScale.label(.nan) == "NaN")
        #expect(PlotScale.label(-.greatestFiniteMagnitude) == "-1.8e308")
        #expect(PlotScale.label(.leastNonzeroMagnitude) == "4.94e-324")
        #expect(PlotScale.index(.nan, count: 10) == 0)
        #expect(PlotScale.index(2, count: 10) == 9 && PlotScale.index(-1, count: 10) == 0)
        #expect(PlotScale.index(0.5, count: 0) == 0)
    }
}

@Suite struct ChartTests {
    let extreme = [
        line([.greatestFiniteMagnitude, -.greatestFiniteMagnitude, .nan, 1e308], label: "a"),
        line([.infinity], label: "b"), line([3], label: "c"),
    ]

    @Test func theTerminalChartDrawsExtremeValuesInItsFrame() throws {
        let scale = try #require(PlotScale(extreme))
        for colors in [false, true] {
            let text = BrailleChart(width: 40, height: 8, colors: colors).render(extreme, scale: scale)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count == 8 + 2 + 3)
            #expect(text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        }
    }

    @Test(arguments: [(900, 520), (100, 100), (300, 10_000)])
    func imageChartsKeepNonNegativeSizesAndSayHowManySeriesTheLegendLeftOut(width: Int, height: Int) throws {
        let many = (0..<200).map { line([Double($0), Double($0 * 2)], label: "s\($0)") }
        let scale = try #require(PlotScale(many))
        let svg = SVGChart(width: width, height: height).render(many, scale: scale, title: "t")
        let sizes =
            svg.components(separatedBy: " height=\"").dropFirst().compactMap { $0.split(separator: "\"").first }
            + svg.components(separatedBy: " width=\"").dropFirst().compactMap { $0.split(separator: "\"").first }
        #expect(!sizes.isEmpty)
        #expect(sizes.allSatisfy { $0.hasSuffix("%") || (Double($0).map { $0 >= 0 } ?? false) }, "\(sizes)")
        #expect(svg.components(separatedBy: "<polyline").count == 201)
        let legendRows = svg.components(separatedBy: "width=\"12\" height=\"12\"").count - 1
        if legendRows < 200 {
            #expect(svg.contains("... and \(200 - legendRows) more series"))
        }
        let png = try PNGChart(width: width, height: height).render(many, scale: scale, title: "t")
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }
}
