// PlotCommand+LogScale.swift: `plot --log-y`, the values as their base-10 logarithms.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension PlotCommand {
    /// The series with every y value (and band edge) replaced by its base-10 logarithm, the charts' y labels
    /// showing the values again (``PlotAxes/yLabel(_:)``). Finite values at or below zero have no logarithm:
    /// they are left out of the lines, and a note says how many; band points whose bottom is at or below zero
    /// are left out of the band. NaN and infinities pass through, for the charts to leave out as always.
    static func logarithmic(_ series: [PlotSeries], context: CommandContext) -> [PlotSeries] {
        var leftOut = 0
        let result = series.map { line in
            var line = line
            line.points = line.points.compactMap { point in
                guard !(point.y.isFinite && point.y <= 0) else {
                    leftOut += 1
                    return nil
                }
                return (x: point.x, y: log10(point.y))
            }
            line.band = line.band.compactMap { point in
                guard point.low > 0 else { return nil }
                return (x: point.x, low: log10(point.low), high: log10(point.high))
            }
            return line
        }
        if leftOut > 0 {
            context.note(
                "--log-y: \(leftOut) point\(leftOut == 1 ? "" : "s") at or below zero left out (no logarithm)"
            )
        }
        return result
    }
}
