// PlotCommand+Groups.swift: `plot --group-by`, each group's mean over its runs in a band of ± one std.

extension PlotCommand {
    /// One series per group and tag: the mean at each step, and a band from mean − std to mean + std where the
    /// standard deviation is a number (two values or more); returns the series and how many points they hold.
    static func groupSeries(_ scan: LogScan, grouping: RunGrouping) throws -> ([PlotSeries], Int) {
        let groups = try SeedAggregation.collect(scan, grouping: grouping)
        var series: [PlotSeries] = []
        var pointCount = 0
        for entry in groups {
            let statistics = entry.statistics
            var line = PlotSeries(
                label: "\(entry.group) \(entry.tag)",
                points: statistics.map { (x: Double($0.step), y: $0.statistics.mean) }
            )
            line.band = statistics.filter { $0.statistics.std.isFinite }.map {
                (
                    x: Double($0.step), low: $0.statistics.mean - $0.statistics.std,
                    high: $0.statistics.mean + $0.statistics.std
                )
            }
            pointCount += statistics.count
            series.append(line)
        }
        return (series, pointCount)
    }
}
