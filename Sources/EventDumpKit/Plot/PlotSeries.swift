// PlotSeries.swift: the lines of a chart and the scales they share.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of a chart, with an optional band around it (a mean's ± one standard deviation).
struct PlotSeries {
    var label: String
    var points: [(x: Double, y: Double)]
    /// The band's bottom and top at each x where it is known, in x order; empty for a plain line. Charts shade
    /// it under the line (in the terminal, its edges are dotted).
    var band: [(x: Double, low: Double, high: Double)] = []
}

/// The data range of a chart, padded so lines do not touch the frame, with "nice" tick values.
///
/// Invariants, whatever the data (values near ±1.8e308, one point, all values equal): both ranges are finite
/// with `minimum < maximum`, and ``unitX(_:)`` and ``unitY(_:)`` return a number in 0...1 for any input, so a
/// chart never divides by zero, never converts NaN or an infinity to an integer and never loops on a range.
struct PlotScale {
    let minimumX: Double
    let maximumX: Double
    let minimumY: Double
    let maximumY: Double
    /// What the axes stand for (the charts' tick labels and x title).
    var axes = PlotAxes()

    /// The range of all finite points, or `nil` when there are none (no points, or only NaN and infinities).
    init?(_ series: [PlotSeries]) {
        var bounds: (lowX: Double, highX: Double, lowY: Double, highY: Double)?
        for line in series {
            let edges = line.band.flatMap { [(x: $0.x, y: $0.low), (x: $0.x, y: $0.high)] }
            for point in line.points + edges where point.x.isFinite && point.y.isFinite {
                guard let known = bounds else {
                    bounds = (point.x, point.x, point.y, point.y)
                    continue
                }
                bounds = (
                    min(known.lowX, point.x), max(known.highX, point.x), min(known.lowY, point.y),
                    max(known.highY, point.y)
                )
            }
        }
        guard let bounds else { return nil }
        (minimumX, maximumX) = Self.range(bounds.lowX, bounds.highX, padding: 0)
        (minimumY, maximumY) = Self.range(bounds.lowY, bounds.highY, padding: 0.05)
    }

    /// `x` mapped to 0...1.
    func unitX(_ x: Double) -> Double { Self.unit(x, minimumX, maximumX) }
    /// `y` mapped to 0...1 (0 at the bottom).
    func unitY(_ y: Double) -> Double { Self.unit(y, minimumY, maximumY) }

    /// A finite range from `low` to `high` (finite, `low <= high`) with `low < high`: a single value becomes an
    /// interval around it, then each end moves out by `padding` times the width; ends are clamped to the finite
    /// doubles.
    static func range(_ low: Double, _ high: Double, padding: Double) -> (Double, Double) {
        var (low, high) = (low, high)
        if !(low < high) {
            let half = Swift.max(0.5, abs(low) * 0.01)
            (low, high) = (finite(low - half), finite(high + half))
        }
        // The width times `padding`, computed on halves so that it cannot overflow.
        let margin = (high / 2 - low / 2) * (2 * padding)
        return (finite(low - margin), finite(high + margin))
    }

    /// `value` clamped to the finite doubles.
    private static func finite(_ value: Double) -> Double {
        Swift.min(Swift.max(value, -.greatestFiniteMagnitude), .greatestFiniteMagnitude)
    }

    /// `value`'s place between `low` and `high` (`low < high`, both finite), clamped to 0...1; 0 for NaN.
    private static func unit(_ value: Double, _ low: Double, _ high: Double) -> Double {
        let width = high - low
        let fraction = width.isFinite ? (value - low) / width : (value / 2 - low / 2) / (high / 2 - low / 2)
        return fraction.isNaN ? 0 : Swift.min(1, Swift.max(0, fraction))
    }

    /// About `count` round values from `low` to `high`, strictly increasing, inside the range; at most
    /// `3 × count` of them.
    /// Empty when `low` is not finite; just `low` when the range is empty or `high` is not finite.
    static func ticks(_ low: Double, _ high: Double, count: Int) -> [Double] {
        guard low.isFinite else { return [] }
        guard high.isFinite, low < high, count > 1 else { return [low] }
        guard let step = niceStep(low, high, count: count) else { return evenTicks(low, high, count: count) }
        let first = (low / step).rounded(.up)
        var values: [Double] = []
        for index in 0..<(3 * count) {
            let value = (first + Double(index)) * step
            guard value.isFinite, value - high <= step * 1e-9 else { break }
            values.append(abs(value) < step * 1e-9 ? 0 : value)
        }
        let result = increasing(values, within: low, high)
        return result.isEmpty ? evenTicks(low, high, count: count) : result
    }

    /// `values` clamped to `low...high`, keeping only those above the one before (rounding near the ends of a
    /// narrow range can repeat a value or step just outside).
    private static func increasing(_ values: [Double], within low: Double, _ high: Double) -> [Double] {
        var result: [Double] = []
        for value in values {
            let clamped = Swift.min(Swift.max(value, low), high)
            if let last = result.last, clamped <= last { continue }
            result.append(clamped)
        }
        return result
    }

    /// The smallest of 1, 2, 5 × 10ⁿ at least (high − low) / (count − 1), or `nil` when no such finite step
    /// exists (a range as wide as the doubles, or narrower than the smallest normal one).
    private static func niceStep(_ low: Double, _ high: Double, count: Int) -> Double? {
        let raw = (high / 2 - low / 2) / Double(count - 1) * 2
        guard raw.isNormal, raw > 0 else { return nil }
        var magnitude = pow(10, log10(raw).rounded(.down))
        // `pow` and `log10` may be off by a rounding; one correction each way puts the magnitude right.
        if magnitude * 10 <= raw { magnitude *= 10 }
        if magnitude > raw { magnitude /= 10 }
        guard magnitude.isNormal else { return nil }
        return [1.0, 2, 5, 10].lazy.map { $0 * magnitude }.first { $0.isFinite && $0 >= raw }
    }

    /// `count` evenly spaced values from `low` to `high` (at most 1000), for ranges with no round step.
    private static func evenTicks(_ low: Double, _ high: Double, count: Int) -> [Double] {
        let count = Swift.min(Swift.max(count, 2), 1000)
        let values = (0..<count).map { index in
            let fraction = Double(index) / Double(count - 1)
            // A convex combination of two finite values is finite.
            return low * (1 - fraction) + high * fraction
        }
        return increasing(values, within: low, high)
    }

    /// A short label for a tick value (`NaN`, `inf` and `-inf` spelled out).
    static func label(_ value: Double) -> String {
        guard value.isFinite else { return NumberFormatting.text(value) }
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-3) {
            var exponent = 0
            var mantissa = magnitude
            while mantissa >= 10 {
                mantissa /= 10
                exponent += 1
            }
            while mantissa < 1 {
                mantissa *= 10
                exponent -= 1
            }
            let rounded = (mantissa * 100).rounded() / 100
            return (value < 0 ? "-" : "") + trimmed(rounded) + "e" + String(exponent)
        }
        return trimmed((value * 1e4).rounded() / 1e4)
    }

    private static func trimmed(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : value.description
    }

    /// `unit` (a fraction in 0...1) as an index of a grid of `count` cells, rounded and clamped to
    /// `0..<count`; 0 for NaN or an empty grid. Every chart converts to integers through here.
    static func index(_ unit: Double, count: Int) -> Int {
        guard count > 1, !unit.isNaN else { return 0 }
        return Int((Swift.min(1, Swift.max(0, unit)) * Double(count - 1)).rounded())
    }
}
