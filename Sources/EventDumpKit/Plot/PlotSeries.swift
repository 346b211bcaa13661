// PlotSeries.swift: the lines of a chart and the scales they share.

/// One line of a chart.
struct PlotSeries {
    var label: String
    var points: [(x: Double, y: Double)]
}

/// The data range of a chart, padded so lines do not touch the frame, with "nice" tick values.
struct PlotScale {
    var minimumX: Double
    var maximumX: Double
    var minimumY: Double
    var maximumY: Double

    /// The range of all finite points, or nil when there are none.
    init?(_ series: [PlotSeries]) {
        let points = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        guard let first = points.first else { return nil }
        var scale = (first.x, first.x, first.y, first.y)
        for point in points {
            scale.0 = min(scale.0, point.x)
            scale.1 = max(scale.1, point.x)
            scale.2 = min(scale.2, point.y)
            scale.3 = max(scale.3, point.y)
        }
        if scale.0 == scale.1 { scale.1 = scale.0 + 1 }
        if scale.2 == scale.3 {
            scale.2 -= 0.5
            scale.3 += 0.5
        }
        let padding = (scale.3 - scale.2) * 0.05
        (minimumX, maximumX, minimumY, maximumY) = (scale.0, scale.1, scale.2 - padding, scale.3 + padding)
    }

    /// `x` mapped to 0...1.
    func unitX(_ x: Double) -> Double { (x - minimumX) / (maximumX - minimumX) }
    /// `y` mapped to 0...1 (0 at the bottom).
    func unitY(_ y: Double) -> Double { (y - minimumY) / (maximumY - minimumY) }

    /// About `count` round values between `low` and `high`.
    static func ticks(_ low: Double, _ high: Double, count: Int) -> [Double] {
        guard high > low, count > 1 else { return [low] }
        let raw = (high - low) / Double(count - 1)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var value = (low / step).rounded(.up) * step
        var result: [Double] = []
        while value <= high + step * 1e-9 && result.count < 50 {
            result.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return result
    }

    /// A short label for a tick value.
    static func label(_ value: Double) -> String {
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
}
