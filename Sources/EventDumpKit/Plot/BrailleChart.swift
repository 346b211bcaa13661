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
    // Braille dot bits by (column 0-1, row 0-3).
    private static let bits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    func render(_ series: [PlotSeries], scale: PlotScale) -> String {
        let yTicks = PlotScale.ticks(scale.minimumY, scale.maximumY, count: max(3, height / 3))
        let yLabels = yTicks.map(PlotScale.label)
        let labelWidth = max(yLabels.map(\.count).max() ?? 1, 1)
        let columns = max(10, width - labelWidth - 3)
        let dotsWide = columns * 2
        let dotsHigh = height * 4
        var cells = [[UInt32]](repeating: [UInt32](repeating: 0, count: columns), count: height)
        var owner = [[Int]](repeating: [Int](repeating: -1, count: columns), count: height)
        var ends: [[Character?]] = Array(repeating: Array(repeating: nil, count: columns), count: height)
        func plot(_ x: Int, _ y: Int, _ index: Int) {
            guard x >= 0, x < dotsWide, y >= 0, y < dotsHigh else { return }
            let row = (dotsHigh - 1 - y) / 4
            let column = x / 2
            cells[row][column] |= Self.bits[x % 2][(dotsHigh - 1 - y) % 4]
            owner[row][column] = index
        }
        for (index, line) in series.enumerated() {
            let dots = line.points.filter { $0.x.isFinite && $0.y.isFinite }.map {
                (
                    Int((scale.unitX($0.x) * Double(dotsWide - 1)).rounded()),
                    Int((scale.unitY($0.y) * Double(dotsHigh - 1)).rounded())
                )
            }
            for (a, b) in zip(dots, dots.dropFirst()) {
                LineDrawing.forEachPoint(from: a, to: b) { plot($0, $1, index) }
            }
            if dots.count == 1, let only = dots.first { plot(only.0, only.1, index) }
            if !colors, let last = dots.last, last.0 >= 0, last.0 < dotsWide, last.1 >= 0, last.1 < dotsHigh {
                ends[(dotsHigh - 1 - last.1) / 4][last.0 / 2] = Character(String((index + 1) % 10))
            }
        }
        var lines: [String] = []
        let tickRows = Dictionary(
            yTicks.map { tick in
                (height - 1 - Int((scale.unitY(tick) * Double(height - 1)).rounded()), PlotScale.label(tick))
            },
            uniquingKeysWith: { first, _ in first }
        )
        for row in 0..<height {
            let label = tickRows[row] ?? ""
            var text = String(repeating: " ", count: labelWidth - label.count) + label + " ┤"
            var current = -1
            for column in 0..<columns {
                let character = ends[row][column] ?? Character(Unicode.Scalar(0x2800 + cells[row][column]) ?? " ")
                if colors, cells[row][column] != 0, owner[row][column] != current {
                    current = owner[row][column]
                    text += Self.palette[current % Self.palette.count]
                }
                text.append(character)
            }
            if colors && current >= 0 { text += Self.reset }
            lines.append(text)
        }
        lines.append(String(repeating: " ", count: labelWidth + 1) + "└" + String(repeating: "─", count: columns))
        let left = PlotScale.label(scale.minimumX)
        let right = PlotScale.label(scale.maximumX)
        lines.append(
            String(repeating: " ", count: labelWidth + 2) + left
                + String(repeating: " ", count: max(1, columns - left.count - right.count)) + right + "  step"
        )
        for (index, line) in series.enumerated() {
            let swatch = colors ? Self.palette[index % Self.palette.count] + "⣿" + Self.reset : "⣿ \(index + 1)"
            lines.append("  " + swatch + " " + TerminalSafety.escaped(line.label))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
