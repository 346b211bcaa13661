// PlotCommand.swift: `eventdump plot`, scalars as a line chart in the terminal, SVG or PNG.

import Foundation
import TensorBoardEvents

/// `eventdump plot LOGDIR --tag REGEX`: one line per run (and tag) of the selected scalars.
enum PlotCommand: Command {
    static let name = "plot"
    static let abstract = "Draw the selected scalars as a line chart: in the terminal, or to an SVG or PNG file."
    static let help = """
        OVERVIEW: \(abstract)

        One line per run and tag, against the step. In the terminal the chart is drawn with Unicode braille
        characters (2 × 4 dots per character), in colour when the output is a terminal.

        USAGE: eventdump plot <logdir> --tag <regex> [options]

        OPTIONS:
          --tag <regex>           The tags to draw (required).
          --run <regex>           Only runs whose name matches.
          --steps <a:b>           Only steps from a to b.
          --smooth <weight>       Draw TensorBoard's smoothed values instead (0.6 is its default weight).
          --output <file>         Write an .svg or .png file instead of drawing in the terminal.
          --width <n>             Terminal columns, or image pixels. (default: 80 columns, 900 pixels)
          --height <n>            Terminal rows, or image pixels. (default: 20 rows, 520 pixels)
          --keep-all              Keep the points TensorBoard drops on restarts.
          --strict                Stop at the first damaged record.
          -h, --help              Show help information.

        EXAMPLES:
          eventdump plot runs --tag epoch_loss
          eventdump plot runs --tag 'epoch_(loss|accuracy)' --run validation --smooth 0.6
          eventdump plot runs --tag epoch_loss --output loss.svg
        """

    static func run(_ arguments: [String], context: CommandContext) throws {
        let parsed = try ArgumentList(
            arguments,
            valueOptions: CommonOptions.valueOptions.union(["--smooth", "--output", "--width", "--height"]),
            flagOptions: CommonOptions.flagOptions
        )
        let logdir = try parsed.onlyPositional(named: "<logdir>")
        guard parsed.value("--tag") != nil else { throw UsageError("missing --tag <regex> (the scalars to draw)") }
        let options = try CommonOptions(parsed, defaultFormat: .text)
        let output = parsed.value("--output")
        if let output, !output.hasSuffix(".svg") && !output.hasSuffix(".png") {
            throw UsageError("--output must end in .svg or .png. Received: \(output)")
        }
        func size(_ option: String, terminal: Int, image: Int) throws(UsageError) -> Int {
            guard let text = parsed.value(option) else { return output == nil ? terminal : image }
            let minimum = output == nil ? 4 : 100
            guard let value = Int(text), value >= minimum, value <= 10_000 else {
                throw UsageError("\(option) takes a number from \(minimum) to 10000. Received: \(text)")
            }
            return value
        }
        let width = try size("--width", terminal: 80, image: 900)
        let height = try size("--height", terminal: 20, image: 520)
        let smoothing = try parsed.smoothingWeight()

        let scan = LogScan(logdir: logdir, options: options, context: context)
        var series: [PlotSeries] = []
        let runs = try scan.runs()
        for run in runs {
            var byTag: [String: [(x: Double, y: Double)]] = [:]
            var order: [String] = []
            let purged = try scan.forEachScalar(of: run) { tag, step, _, value in
                if byTag[tag] == nil { order.append(tag) }
                byTag[tag, default: []].append((Double(step), value))
            }
            scan.reportPurged(purged, run: run)
            for tag in order.sorted() {
                var points = byTag[tag] ?? []
                if let smoothing {
                    let smoothed = Smoothing.smooth(points.map(\.y), weight: smoothing)
                    points = zip(points, smoothed).map { ($0.x, $1) }
                }
                series.append(
                    PlotSeries(label: runs.count > 1 || order.count > 1 ? "\(run.name) \(tag)" : tag, points: points)
                )
            }
        }
        guard let scale = PlotScale(series) else {
            context.errors.write("note: no scalar points match --tag\n")
            return
        }
        let title = (parsed.value("--tag") ?? "") + (smoothing.map { " (smoothed \($0))" } ?? "")
        switch output {
        case let path? where path.hasSuffix(".svg"):
            try Data(SVGChart(width: width, height: height).render(series, scale: scale, title: title).utf8).write(
                to: URL(fileURLWithPath: path)
            )
            context.errors.write("wrote \(path)\n")
        case let path?:
            try Data(try PNGChart(width: width, height: height).render(series, scale: scale, title: title)).write(
                to: URL(fileURLWithPath: path)
            )
            context.errors.write("wrote \(path)\n")
        case nil:
            let colors = (context.output as? FileDescriptorSink)?.isTerminal == true
            context.output.write(
                BrailleChart(width: width, height: height, colors: colors).render(series, scale: scale)
            )
        }
    }
}
