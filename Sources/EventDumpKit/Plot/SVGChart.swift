// SVGChart.swift: a line chart as an SVG document.

/// Draws series as an SVG line chart with axes, ticks, grid lines and a legend.
struct SVGChart {
    var width = 900
    var height = 520
    static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#17becf", "#8c564b", "#e377c2"]

    func render(_ series: [PlotSeries], scale: PlotScale, title: String) -> String {
        let layout = ChartLayout(width: width, height: height, seriesCount: series.count, left: 70)
        let left = Double(layout.left)
        let top = Double(layout.top)
        let plotWidth = Double(layout.plotWidth)
        let plotHeight = Double(layout.plotHeight)
        func x(_ value: Double) -> Double { left + scale.unitX(value) * plotWidth }
        func y(_ value: Double) -> Double { top + (1 - scale.unitY(value)) * plotHeight }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"12\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        svg += "<text x=\"\(left)\" y=\"24\" font-size=\"15\">\(escape(title))</text>\n"
        for tick in scale.axes.yTicks(scale.minimumY, scale.maximumY, count: 6) {
            svg +=
                "<line x1=\"\(left)\" x2=\"\(left + plotWidth)\" y1=\"\(format(y(tick)))\" y2=\"\(format(y(tick)))\" stroke=\"#e5e5e5\"/>\n"
            svg +=
                "<text x=\"\(left - 6)\" y=\"\(format(y(tick) + 4))\" text-anchor=\"end\">\(scale.axes.yLabel(tick))</text>\n"
        }
        let span = scale.maximumX - scale.minimumX
        for tick in scale.axes.xTicks(scale.minimumX, scale.maximumX, count: 8) {
            svg +=
                "<line x1=\"\(format(x(tick)))\" x2=\"\(format(x(tick)))\" y1=\"\(top)\" y2=\"\(top + plotHeight)\" stroke=\"#f0f0f0\"/>\n"
            svg +=
                "<text x=\"\(format(x(tick)))\" y=\"\(format(top + plotHeight + 16))\" text-anchor=\"middle\">\(scale.axes.xLabel(tick, span: span))</text>\n"
        }
        svg +=
            "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(format(plotWidth))\" height=\"\(format(plotHeight))\" fill=\"none\" stroke=\"#333\"/>\n"
        svg +=
            "<text x=\"\(format(left + plotWidth / 2))\" y=\"\(format(top + plotHeight + 34))\" text-anchor=\"middle\">\(escape(scale.axes.xTitle(minimumX: scale.minimumX)))</text>\n"
        return svg + lines(series, scale: scale, layout: layout) + "</svg>\n"
    }

    /// Each series' line, and its legend row while the legend has room (then a row counting the others).
    private func lines(_ series: [PlotSeries], scale: PlotScale, layout: ChartLayout) -> String {
        let left = Double(layout.left)
        func place(_ x: Double, _ y: Double) -> String {
            let placedX = left + scale.unitX(x) * Double(layout.plotWidth)
            let placedY = Double(layout.top) + (1 - scale.unitY(y)) * Double(layout.plotHeight)
            return "\(format(placedX)),\(format(placedY))"
        }
        var svg = ""
        // Bands first, under every line: the top edge left to right, then the bottom edge back.
        for (index, line) in series.enumerated() where !line.band.isEmpty {
            let band = line.band.filter { $0.x.isFinite && $0.low.isFinite && $0.high.isFinite }
            let outline = band.map { place($0.x, $0.high) } + band.reversed().map { place($0.x, $0.low) }
            svg +=
                "<polygon fill=\"\(Self.colors[index % Self.colors.count])\" fill-opacity=\"0.18\" stroke=\"none\" points=\"\(outline.joined(separator: " "))\"/>\n"
        }
        for (index, line) in series.enumerated() {
            let color = Self.colors[index % Self.colors.count]
            let points = line.points.filter { $0.x.isFinite && $0.y.isFinite }.map { place($0.x, $0.y) }
            svg +=
                "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.6\" points=\"\(points.joined(separator: " "))\"/>\n"
            guard index < layout.shownEntries else { continue }
            let legendY = legendBaseline(layout, row: index)
            svg += "<rect x=\"\(left)\" y=\"\(format(legendY - 10))\" width=\"12\" height=\"12\" fill=\"\(color)\"/>\n"
            svg += "<text x=\"\(left + 18)\" y=\"\(format(legendY))\">\(escape(line.label))</text>\n"
        }
        if let more = layout.hiddenEntriesText {
            let legendY = legendBaseline(layout, row: layout.shownEntries)
            svg += "<text x=\"\(left)\" y=\"\(format(legendY))\">\(escape(more))</text>\n"
        }
        return svg
    }

    /// The text baseline of legend row `row`.
    private func legendBaseline(_ layout: ChartLayout, row: Int) -> Double {
        Double(layout.top + layout.plotHeight + 52 + row * ChartLayout.legendRowHeight)
    }

    private func format(_ value: Double) -> String { ((value * 100).rounded() / 100).description }

    private func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case _ where scalar.value < 0x20: result += "?"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
