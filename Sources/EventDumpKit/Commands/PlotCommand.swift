// PlotCommand.swift: `eventdump plot`, scalars as a line chart in the terminal, SVG or PNG.

import TensorBoardEvents

/// `eventdump plot LOGDIR --tag REGEX`: one line per run (and tag) of the selected scalars.
enum PlotCommand: Command {
    static let name = "plot"
    static let abstract = "Draw the selected scalars as a line chart: in the terminal, or to an SVG or PNG file."
    static let help = """
        OVERVIEW: \(abstract)

        One line per run and tag, against the step, through the points in reading order. In the terminal the
        chart is drawn with Unicode braille characters (2 × 4 dots per character), in colour when the output is a
        terminal. NaN and infinite values are left out of the lines (a series of nothing else draws nothing). With
        --smooth, the smoothing runs over every point of the series, then --steps picks what is drawn. With
        --group-by, one line per group of runs and tag instead: the mean over the group's runs at each step, in a
        shaded band of ± one standard deviation (dotted edges in the terminal), as `eventdump aggregate`
        computes them.

        The x axis is one of TensorBoard's three (--x): the step; relative, the hours since the first point of
        each run and tag (as the dashboard's Relative axis measures it, from the series' first point kept after
        restart purging, whatever --steps shows); or wall, the wall time (labelled in UTC). --log-y draws the
        values on a base-10 logarithmic scale, as the dashboard's log toggle does; values that are zero or
        negative have no logarithm and are left out, with a note saying how many.

        USAGE: eventdump plot <logdir> --tag <regex> [options]

        ARGUMENTS:
          <logdir>                A log directory, or one event file.

        OPTIONS:
          --tag <regex>           The tags to draw (required).
          --run <regex>           Only runs whose name matches.
          --steps <a:b>           Only steps from a to b.
          --smooth <weight>       Draw TensorBoard's smoothed values instead (0.6 is its default weight).
          --group-by <regex>      Draw each group's mean ± std over its runs (see eventdump aggregate).
          --x <axis>              The x axis: step, relative (hours) or wall (wall time). (default: step)
          --log-y                 A logarithmic y scale (values <= 0 left out).
          --output <file>         Write an .svg or .png file instead of drawing in the terminal.
          --width <n>             Terminal columns (4 to 1000), or image pixels (100 to 10000). (default: 80 columns, 900 pixels)
          --height <n>            Terminal rows (4 to 1000), or image pixels (100 to 10000). (default: 20 rows, 520 pixels)
          --keep-all              Keep the points TensorBoard drops on restarts.
          --strict                Stop at the first damaged record.
          -h, --help              Show help information.

        There is no --format: the chart is the output (an image legend that cannot hold every series ends with
        how many were left out).

        EXAMPLES:
          eventdump plot runs --tag epoch_loss
          eventdump plot runs --tag 'epoch_(loss|accuracy)' --run validation --smooth 0.6
          eventdump plot runs --tag epoch_loss --output loss.svg
          eventdump plot runs --tag epoch_loss --x relative --log-y
          eventdump plot runs --tag epoch_loss --group-by 'seed-[0-9]+' --output seeds.png
        """

    /// What to draw, and where.
    private struct Request {
        var options: CommonOptions
        var logdir: String
        var tag: String
        var output: String?
        var width: Int
        var height: Int
        var smoothing: Double?
        var grouping: RunGrouping?
        var axes: PlotAxes
    }

    static func run(_ arguments: [String], context: CommandContext) throws {
        let request = try parse(arguments)
        let scan = LogScan(logdir: request.logdir, options: request.options, context: context)
        var (series, pointCount) =
            try request.grouping.map { try groupSeries(scan, grouping: $0) }
            ?? collectSeries(scan, smoothing: request.smoothing, xAxis: request.axes.x)
        if request.axes.logarithmicY { series = logarithmic(series, context: context) }
        guard var scale = PlotScale(series) else {
            let wanted = request.axes.logarithmicY ? "finite positive number" : "finite number (NaN or infinite)"
            context.note(
                pointCount == 0
                    ? "no scalar points match --tag"
                    : "nothing to draw: none of the \(pointCount) matching points is a \(wanted)"
            )
            return
        }
        scale.axes = request.axes
        try draw(series, scale: scale, request: request, context: context)
    }

    private static func parse(_ arguments: [String]) throws(UsageError) -> Request {
        let parsed = try ArgumentList(
            arguments,
            valueOptions: CommonOptions.valueOptions.union([
                "--smooth", "--output", "--width", "--height", "--group-by", "--x",
            ]),
            flagOptions: CommonOptions.flagOptions.union(["--log-y"])
        )
        let logdir = try parsed.onlyPositional(named: "<logdir>")
        guard parsed.value("--format") == nil else {
            throw UsageError("plot draws a chart and takes no --format (use --output <file>.svg or <file>.png)")
        }
        guard let tag = parsed.value("--tag") else { throw UsageError("missing --tag <regex> (the scalars to draw)") }
        let options = try CommonOptions(parsed, defaultFormat: .text)
        let output = parsed.value("--output")
        if let output, !output.hasSuffix(".svg") && !output.hasSuffix(".png") {
            throw UsageError("--output must end in .svg or .png. Received: \(output)")
        }
        func size(_ option: String, terminal: Int, image: Int) throws(UsageError) -> Int {
            guard let text = parsed.value(option) else { return output == nil ? terminal : image }
            let limits = output == nil ? 4...1000 : 100...10_000
            guard let value = Int(text), limits.contains(value) else {
                throw UsageError(
                    "\(option) takes a number from \(limits.lowerBound) to \(limits.upperBound). Received: \(text)"
                )
            }
            return value
        }
        let xAxis =
            try parsed.value("--x").map { name throws(UsageError) in
                guard let axis = PlotAxes.XAxis(rawValue: name) else {
                    throw UsageError("--x takes step, relative or wall. Received: \(name)")
                }
                return axis
            } ?? .step
        return Request(
            options: options,
            logdir: logdir,
            tag: tag,
            output: output,
            width: try size("--width", terminal: 80, image: 900),
            height: try size("--height", terminal: 20, image: 520),
            smoothing: try parsed.smoothingWeight(),
            grouping: try parsed.value("--group-by").map { _ throws(UsageError) in
                guard parsed.value("--smooth") == nil else {
                    throw UsageError("--group-by cannot be combined with --smooth")
                }
                guard xAxis == .step else { throw UsageError("--group-by draws against the step only (no --x)") }
                return try AggregateCommand.groupingOption(parsed)
            },
            axes: PlotAxes(x: xAxis, logarithmicY: parsed.has("--log-y"))
        )
    }

    /// The lines to draw, one per run and tag, and how many points they hold (finite or not). Smoothing runs over
    /// every point of a series; `--steps` then picks the points drawn.
    private static func collectSeries(
        _ scan: LogScan,
        smoothing: Double?,
        xAxis: PlotAxes.XAxis
    ) throws -> ([PlotSeries], Int) {
        var series: [PlotSeries] = []
        var pointCount = 0
        let runs = try scan.runs()
        let runCount = runs.count
        try RunReaders.forEachResult(runs, scan: scan) { run, scan in
            var runSeries: [PlotSeries] = []
            var byTag: [String: [(step: Int64, wallTime: Double, value: Double)]] = [:]
            let purged = try scan.forEachScalar(of: run, filtersSteps: false) { tag, step, wallTime, value in
                byTag[tag, default: []].append((step, wallTime, value))
            }
            scan.reportPurged(purged, run: run)
            for tag in byTag.keys.sorted() {
                let points = byTag[tag] ?? []
                let values = smoothing.map { Smoothing.smooth(points.map(\.value), weight: $0) } ?? points.map(\.value)
                let start = points.first?.wallTime ?? 0
                let drawn = zip(points, values).filter { scan.options.includesStep($0.0.step) }.map { point, value in
                    switch xAxis {
                    case .step: return (x: Double(point.step), y: value)
                    case .relative: return (x: (point.wallTime - start) / 3600, y: value)
                    case .wall: return (x: point.wallTime, y: value)
                    }
                }
                let label = runCount > 1 || byTag.count > 1 ? "\(run.name) \(tag)" : tag
                runSeries.append(PlotSeries(label: label, points: drawn))
            }
            return runSeries
        } consume: { _, runSeries in
            for line in runSeries { pointCount += line.points.count }
            series += runSeries
        }
        return (series, pointCount)
    }

    private static func draw(
        _ series: [PlotSeries],
        scale: PlotScale,
        request: Request,
        context: CommandContext
    ) throws {
        let title =
            request.tag + (request.smoothing.map { " (smoothed \($0))" } ?? "")
            + (request.grouping == nil ? "" : " (mean +/- std over the runs of each group)")
            + (request.axes.logarithmicY ? " (log scale)" : "")
        switch request.output {
        case let path? where path.hasSuffix(".svg"):
            let svg = SVGChart(width: request.width, height: request.height).render(series, scale: scale, title: title)
            try OutputFile.write(Array(svg.utf8), to: path)
            context.errors.write("wrote \(TerminalSafety.escaped(path))\n")
        case let path?:
            let png = try PNGChart(width: request.width, height: request.height).render(
                series,
                scale: scale,
                title: title
            )
            try OutputFile.write(png, to: path)
            context.errors.write("wrote \(TerminalSafety.escaped(path))\n")
        case nil:
            let chart = BrailleChart(width: request.width, height: request.height, colors: context.output.isTerminal)
            context.output.write(chart.render(series, scale: scale))
        }
    }
}
