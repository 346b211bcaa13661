// BrailleChart.swift: a line chart in the terminal, drawn with Unicode braille dots.

/// Draws series as lines of braille dots (2 × 4 dots per character cell), with a y axis, an x axis, their
/// ranges, and a legend; each series in its own ANSI colour when `colors` is set, and otherwise told apart by
/// its legend number written where its line ends.
struct BrailleChart {
    var width: Int
    var height: Int
    var colors: Bool

    private static let palette = ["\u{1B}[34m", "\u{1B}[31m", "\u{1B}[32m", "\u{1B}[33m", "\u{1B}[35m", "\u{1B}[36m"]
    private static let reset = "\u{1B}[0m"

    func render(_ series: [PlotSeries], scale: PlotScale) -> String {
        let rows = max(1, height)
        let yTicks = scale.axes.yTicks(scale.minimumY, scale.maximumY, count: max(3, rows / 3))
        let labelWidth = max(yTicks.map { scale.axes.yLabel($0).count }.max() ?? 1, 1)
        var grid = BrailleGrid(columns: max(10, width - labelWidth - 3), rows: rows)
        for (index, line) in series.enumerated() { grid.drawBandEdges(line, scale: scale, index: index) }
        for (index, line) in series.enumerated() {
            grid.draw(line, scale: scale, index: index, marksEnd: !colors)
        }
        var lines = plotLines(grid, yTicks: yTicks, scale: scale, labelWidth: labelWidth)
        lines.append(String(repeating: " ", count: labelWidth + 1) + "└" + String(repeating: "─", count: grid.columns))
        let span = scale.maximumX - scale.minimumX
        let left = scale.axes.xLabel(scale.minimumX, span: span)
        let right = scale.axes.xLabel(scale.maximumX, span: span)
        lines.append(
            String(repeating: " ", count: labelWidth + 2) + left
                + String(repeating: " ", count: max(1, grid.columns - left.count - right.count)) + right + "  "
                + scale.axes.xTitle(minimumX: scale.minimumX)
        )
        for (index, line) in series.enumerated() {
            let swatch = colors ? Self.palette[index % Self.palette.count] + "⣿" + Self.reset : "⣿ \(index + 1)"
            lines.append("  " + swatch + " " + TerminalSafety.escaped(line.label))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rows of the plot area, each with its y-axis label (on the rows nearest the ticks).
    private func plotLines(_ grid: BrailleGrid, yTicks: [Double], scale: PlotScale, labelWidth: Int) -> [String] {
        let tickRows = Dictionary(
            yTicks.map { tick in
                (grid.rows - 1 - PlotScale.index(scale.unitY(tick), count: grid.rows), scale.axes.yLabel(tick))
            },
            uniquingKeysWith: { first, _ in first }
        )
        return (0..<grid.rows).map { row in
            let label = tickRows[row] ?? ""
            var text = String(repeating: " ", count: max(0, labelWidth - label.count)) + label + " ┤"
            var current = -1
            for column in 0..<grid.columns {
                let cell = grid.cells[row][column]
                if colors, cell.dots != 0, cell.owner != current {
                    current = cell.owner
                    text += Self.palette[current % Self.palette.count]
                }
                text.append(cell.endMark ?? Character(Unicode.Scalar(0x2800 + cell.dots) ?? " "))
            }
            if colors && current >= 0 { text += Self.reset }
            return text
        }
    }
}

/// The dots of a braille chart: `columns` × `rows` character cells of 2 × 4 dots each.
private struct BrailleGrid {
    struct Cell {
        /// The braille dot bits (added to U+2800).
        var dots: UInt32 = 0
        /// The series that drew last in the cell.
        var owner = -1
        /// A series' legend number, where its line ends (without colours).
        var endMark: Character?
    }

    // Braille dot bits by (column 0-1, row 0-3).
    private static let bits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
    let columns: Int
    let rows: Int
    private(set) var cells: [[Cell]]
    private var dotsWide: Int { columns * 2 }
    private var dotsHigh: Int { rows * 4 }

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        cells = Array(repeating: Array(repeating: Cell(), count: columns), count: rows)
    }

    /// Draws a series' finite points joined by straight lines; with `marksEnd`, writes its legend number
    /// (`index + 1`, modulo 10) where it ends.
    mutating func draw(_ line: PlotSeries, scale: PlotScale, index: Int, marksEnd: Bool) {
        let dots = line.points.filter { $0.x.isFinite && $0.y.isFinite }.map {
            (PlotScale.index(scale.unitX($0.x), count: dotsWide), PlotScale.index(scale.unitY($0.y), count: dotsHigh))
        }
        for (a, b) in zip(dots, dots.dropFirst()) {
            LineDrawing.forEachPoint(from: a, to: b) { plot($0, $1, index) }
        }
        if dots.count == 1, let only = dots.first { plot(only.0, only.1, index) }
        if marksEnd, let last = dots.last, contains(last.0, last.1) {
            cells[(dotsHigh - 1 - last.1) / 4][last.0 / 2].endMark = Character(String((index + 1) % 10))
        }
    }

    /// Draws the edges of a series' band as dotted lines (every third dot), so that the band reads as a range
    /// around the solid line.
    mutating func drawBandEdges(_ line: PlotSeries, scale: PlotScale, index: Int) {
        let band = line.band.filter { $0.x.isFinite && $0.low.isFinite && $0.high.isFinite }
        for edge in [band.map { ($0.x, $0.low) }, band.map { ($0.x, $0.high) }] {
            let dots = edge.map {
                (
                    PlotScale.index(scale.unitX($0.0), count: dotsWide),
                    PlotScale.index(scale.unitY($0.1), count: dotsHigh)
                )
            }
            var counter = 0
            for (a, b) in zip(dots, dots.dropFirst()) {
                LineDrawing.forEachPoint(from: a, to: b) { x, y in
                    if counter % 3 == 0 { plot(x, y, index) }
                    counter += 1
                }
            }
        }
    }

    private func contains(_ x: Int, _ y: Int) -> Bool { x >= 0 && x < dotsWide && y >= 0 && y < dotsHigh }

    /// Sets the dot at `x` (from the left) and `y` (from the bottom).
    private mutating func plot(_ x: Int, _ y: Int, _ index: Int) {
        guard contains(x, y) else { return }
        let row = (dotsHigh - 1 - y) / 4
        cells[row][x / 2].dots |= Self.bits[x % 2][(dotsHigh - 1 - y) % 4]
        cells[row][x / 2].owner = index
    }
}
