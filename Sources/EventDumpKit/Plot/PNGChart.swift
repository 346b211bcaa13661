// PNGChart.swift: a line chart as a PNG image (deflated with zlib through PNGEncoder).

import TensorBoardEvents

/// Draws series as a line chart into RGB pixels: frame, grid, lines, tick labels and a legend, with text in a
/// small built-in 3 × 5 pixel font (digits, letters, a few signs) drawn at twice its size.
struct PNGChart {
    var width = 900
    var height = 520
    private static let colors: [(UInt8, UInt8, UInt8)] = [
        (31, 119, 180), (214, 39, 40), (44, 160, 44), (255, 127, 14), (148, 103, 189), (23, 190, 207), (140, 86, 75),
        (227, 119, 194),
    ]

    func render(_ series: [PlotSeries], scale: PlotScale, title: String) throws -> [UInt8] {
        var canvas = Canvas(width: width, height: height)
        let layout = ChartLayout(width: width, height: height, seriesCount: series.count, left: 80)
        let (left, top, plotWidth, plotHeight) = (layout.left, layout.top, layout.plotWidth, layout.plotHeight)
        func x(_ value: Double) -> Int { left + PlotScale.index(scale.unitX(value), count: plotWidth) }
        func y(_ value: Double) -> Int { top + plotHeight - 1 - PlotScale.index(scale.unitY(value), count: plotHeight) }
        canvas.text(title, x: left, y: 14, color: (0, 0, 0))
        for tick in scale.axes.yTicks(scale.minimumY, scale.maximumY, count: 6) {
            canvas.line((left, y(tick)), (left + plotWidth - 1, y(tick)), color: (229, 229, 229))
            let label = scale.axes.yLabel(tick)
            canvas.text(label, x: left - 8 - label.count * 8, y: y(tick) - 5, color: (60, 60, 60))
        }
        for tick in scale.axes.xTicks(scale.minimumX, scale.maximumX, count: 8) {
            canvas.line((x(tick), top), (x(tick), top + plotHeight - 1), color: (240, 240, 240))
            let label = scale.axes.xLabel(tick, span: scale.maximumX - scale.minimumX)
            canvas.text(label, x: x(tick) - label.count * 4, y: top + plotHeight + 8, color: (60, 60, 60))
        }
        canvas.rectangle(x: left, y: top, width: plotWidth, height: plotHeight, color: (51, 51, 51))
        for (index, line) in series.enumerated() where !line.band.isEmpty {
            let color = Self.colors[index % Self.colors.count]
            // A quarter of the colour on white, column by column between consecutive band points.
            let tint = (UInt8(191 + Int(color.0) / 4), UInt8(191 + Int(color.1) / 4), UInt8(191 + Int(color.2) / 4))
            let band = line.band.filter { $0.x.isFinite && $0.low.isFinite && $0.high.isFinite }
            for (a, b) in zip(band, band.dropFirst()) {
                let (fromX, toX) = (x(a.x), x(b.x))
                for column in fromX...max(fromX, toX) {
                    let t = toX > fromX ? Double(column - fromX) / Double(toX - fromX) : 0
                    let high = y(a.high + (b.high - a.high) * t)
                    let low = y(a.low + (b.low - a.low) * t)
                    canvas.fill(x: column, y: high, width: 1, height: low - high + 1, color: tint)
                }
            }
        }
        for (index, line) in series.enumerated() {
            let color = Self.colors[index % Self.colors.count]
            let points = line.points.filter { $0.x.isFinite && $0.y.isFinite }.map { (x($0.x), y($0.y)) }
            for (a, b) in zip(points, points.dropFirst()) {
                canvas.line(a, b, color: color)
                canvas.line((a.0, a.1 + 1), (b.0, b.1 + 1), color: color)
            }
            guard index < layout.shownEntries else { continue }
            let legendY = top + plotHeight + 30 + index * ChartLayout.legendRowHeight
            canvas.fill(x: left, y: legendY, width: 12, height: 12, color: color)
            canvas.text(line.label, x: left + 20, y: legendY + 1, color: (0, 0, 0))
        }
        if let more = layout.hiddenEntriesText {
            let legendY = top + plotHeight + 30 + layout.shownEntries * ChartLayout.legendRowHeight
            canvas.text(more, x: left, y: legendY + 1, color: (0, 0, 0))
        }
        let image = try PixelImage(width: width, height: height, format: .rgb, pixels: canvas.pixels)
        return try PNGEncoder.encode(image)
    }
}

/// An RGB pixel buffer with a few drawing operations.
private struct Canvas {
    let width: Int
    let height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 255, count: width * height * 3)
    }

    mutating func set(_ x: Int, _ y: Int, _ color: (UInt8, UInt8, UInt8)) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let index = (y * width + x) * 3
        pixels[index] = color.0
        pixels[index + 1] = color.1
        pixels[index + 2] = color.2
    }

    mutating func line(_ a: (Int, Int), _ b: (Int, Int), color: (UInt8, UInt8, UInt8)) {
        LineDrawing.forEachPoint(from: a, to: b) { set($0, $1, color) }
    }

    mutating func rectangle(x: Int, y: Int, width: Int, height: Int, color: (UInt8, UInt8, UInt8)) {
        line((x, y), (x + width - 1, y), color: color)
        line((x, y + height - 1), (x + width - 1, y + height - 1), color: color)
        line((x, y), (x, y + height - 1), color: color)
        line((x + width - 1, y), (x + width - 1, y + height - 1), color: color)
    }

    mutating func fill(x: Int, y: Int, width: Int, height: Int, color: (UInt8, UInt8, UInt8)) {
        guard width > 0, height > 0 else { return }
        for row in y..<(y + height) { for column in x..<(x + width) { set(column, row, color) } }
    }

    /// Draws `text` with the 3 × 5 font at twice its size, 8 pixels per character.
    mutating func text(_ text: String, x: Int, y: Int, color: (UInt8, UInt8, UInt8)) {
        for (index, character) in text.lowercased().enumerated() {
            let glyph = TinyFont.glyph(character)
            for row in 0..<5 {
                for column in 0..<3 where glyph & (1 << (14 - row * 3 - column)) != 0 {
                    fill(x: x + index * 8 + column * 2, y: y + row * 2, width: 2, height: 2, color: color)
                }
            }
        }
    }
}

/// A 3 × 5 pixel font: each glyph is 15 bits, rows top to bottom, 3 bits a row, leftmost pixel highest.
private enum TinyFont {
    static func glyph(_ character: Character) -> Int {
        if let glyph = glyphs[character] { return glyph }
        return 0b111_001_010_000_010  // '?'
    }

    private static let glyphs: [Character: Int] = [
        " ": 0,
        "0": 0b111_101_101_101_111, "1": 0b010_110_010_010_111, "2": 0b111_001_111_100_111, "3": 0b111_001_111_001_111,
        "4": 0b101_101_111_001_001, "5": 0b111_100_111_001_111, "6": 0b111_100_111_101_111, "7": 0b111_001_001_001_001,
        "8": 0b111_101_111_101_111, "9": 0b111_101_111_001_111,
        "a": 0b010_101_111_101_101, "b": 0b110_101_110_101_110, "c": 0b011_100_100_100_011, "d": 0b110_101_101_101_110,
        "e": 0b111_100_110_100_111, "f": 0b111_100_110_100_100, "g": 0b011_100_101_101_011, "h": 0b101_101_111_101_101,
        "i": 0b111_010_010_010_111, "j": 0b001_001_001_101_010, "k": 0b101_101_110_101_101, "l": 0b100_100_100_100_111,
        "m": 0b101_111_111_101_101, "n": 0b110_101_101_101_101, "o": 0b010_101_101_101_010, "p": 0b110_101_110_100_100,
        "q": 0b010_101_101_110_011, "r": 0b110_101_110_101_101, "s": 0b011_100_010_001_110, "t": 0b111_010_010_010_010,
        "u": 0b101_101_101_101_111, "v": 0b101_101_101_101_010, "w": 0b101_101_111_111_101, "x": 0b101_101_010_101_101,
        "y": 0b101_101_010_010_010, "z": 0b111_001_010_100_111,
        ".": 0b000_000_000_000_010, "-": 0b000_000_111_000_000, "+": 0b000_010_111_010_000, "_": 0b000_000_000_000_111,
        "/": 0b001_001_010_100_100, ":": 0b000_010_000_010_000, "(": 0b010_100_100_100_010, ")": 0b010_001_001_001_010,
        "=": 0b000_111_000_111_000, ",": 0b000_000_000_010_100,
    ]
}
