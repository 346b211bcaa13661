// PlotAxes.swift: what a chart's axes show: the x quantity (step, relative or wall time) and a log y scale.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the axes of a chart stand for, and how their ticks are placed and labelled.
///
/// The x axis is one of TensorBoard's three: the step; relative time, the hours since the series' first point
/// (the dashboard's "Relative", measured from each run and tag's first point); or wall time (UTC here; the
/// dashboard shows local time). With ``logarithmicY`` the y values a chart gets are already `log10` of the
/// data, and the labels show the data's values (`10^tick`).
struct PlotAxes {
    /// The quantity on the x axis.
    enum XAxis: String, CaseIterable {
        case step, relative, wall
    }

    var x: XAxis = .step
    var logarithmicY = false

    /// The x axis's title.
    func xTitle(minimumX: Double) -> String {
        switch x {
        case .step: return "step"
        case .relative: return "relative time (hours)"
        case .wall: return "wall time (UTC, from \(Self.date(minimumX, style: .minutes)))"
        }
    }

    /// About `count` x ticks from `low` to `high`: round numbers, or for wall time round times (1, 2, 5, 10,
    /// 15, 30 seconds or minutes, 1, 2, 3, 6, 12 hours, days).
    func xTicks(_ low: Double, _ high: Double, count: Int) -> [Double] {
        guard x == .wall, low.isFinite, high.isFinite, low < high, count > 1 else {
            return PlotScale.ticks(low, high, count: count)
        }
        let steps: [Double] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200]
        let wanted = (high - low) / Double(count - 1)
        guard let step = steps.first(where: { $0 >= wanted }) else { return PlotScale.ticks(low, high, count: count) }
        var ticks: [Double] = []
        var tick = (low / step).rounded(.up) * step
        while tick <= high && ticks.count < 3 * count {
            ticks.append(tick)
            tick += step
        }
        return ticks.isEmpty ? PlotScale.ticks(low, high, count: count) : ticks
    }

    /// The label of an x tick; `span` is the width of the x range (wall-time labels show less for short ranges).
    func xLabel(_ value: Double, span: Double) -> String {
        guard x == .wall, value.isFinite else { return PlotScale.label(value) }
        return Self.date(value, style: span < 600 ? .seconds : span < 2 * 86_400 ? .time : .day)
    }

    /// About `count` y ticks from `low` to `high` (with a log scale, logarithms): round numbers, or with a log
    /// scale the logarithms of 1, 2 and 5 times the powers of ten in the range (only the powers of ten when
    /// those are many, round logarithms when fewer than two fall inside).
    func yTicks(_ low: Double, _ high: Double, count: Int) -> [Double] {
        guard logarithmicY, abs(low) < 1e6, abs(high) < 1e6, low < high, high - low < 600 else {
            return PlotScale.ticks(low, high, count: count)
        }
        let decades = Int(low.rounded(.down))...Int(high.rounded(.up))
        let powers = decades.map(Double.init).filter { $0 >= low && $0 <= high }
        if powers.count >= count { return powers.count > 3 * count ? PlotScale.ticks(low, high, count: count) : powers }
        let all = decades.flatMap { decade in [1.0, 2, 5].map { log10($0) + Double(decade) } }.filter {
            $0 >= low && $0 <= high
        }
        return all.count >= 2 ? all : PlotScale.ticks(low, high, count: count)
    }

    /// The label of a y tick: the value, or with a log scale the value whose logarithm it is.
    func yLabel(_ value: Double) -> String {
        PlotScale.label(logarithmicY ? pow(10, value) : value)
    }

    /// How much of a date a label shows.
    enum DateStyle {
        case seconds, time, minutes, day
    }

    /// Seconds since the epoch as UTC text: `HH:MM:SS`, `HH:MM`, `YYYY-MM-DD HH:MM` or `YYYY-MM-DD`.
    static func date(_ seconds: Double, style: DateStyle) -> String {
        guard seconds.isFinite, abs(seconds) < 1e15 else { return PlotScale.label(seconds) }
        var time = time_t(seconds.rounded(.down))
        var parts = tm()
        guard gmtime_r(&time, &parts) != nil else { return PlotScale.label(seconds) }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let day = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
        let clock = "\(two(parts.tm_hour)):\(two(parts.tm_min))"
        switch style {
        case .seconds: return clock + ":" + two(parts.tm_sec)
        case .time: return clock
        case .minutes: return day + " " + clock
        case .day: return day
        }
    }
}
