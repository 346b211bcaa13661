// ChartLayout.swift: where the plot frame and the legend go in an SVG or PNG chart of a given size.

/// The layout of an image chart: a title band, the plot frame, an axis band, and below it as many legend rows
/// as fit. The plot keeps at least half of the height left after the title and axis bands; when the series do not
/// all fit in the legend, its last row says how many were left out. Every size is non-negative for any image
/// size and any number of series.
struct ChartLayout {
    /// Height of one legend row, in pixels.
    static let legendRowHeight = 18
    /// Space above the plot (title).
    let top: Int
    /// Space left of the plot (tick labels).
    let left: Int
    /// The plot frame's width.
    let plotWidth: Int
    /// The plot frame's height.
    let plotHeight: Int
    /// How many series get a legend row of their own.
    let shownEntries: Int
    /// How many series are left out of the legend (a last row names their number).
    let hiddenEntries: Int

    /// Lays out a chart.
    /// - Parameters:
    ///   - width: The image width in pixels.
    ///   - height: The image height in pixels.
    ///   - seriesCount: The number of series in the legend.
    ///   - left: Space for the tick labels left of the plot.
    init(width: Int, height: Int, seriesCount: Int, left: Int) {
        let top = 40
        let right = 20
        let axisBand = 50
        self.top = top
        self.left = left
        plotWidth = max(1, width - left - right)
        let available = max(0, height - top - axisBand)
        let capacity = max(1, (available - available / 2) / Self.legendRowHeight)
        let count = max(0, seriesCount)
        if count <= capacity {
            (shownEntries, hiddenEntries) = (count, 0)
        } else {
            (shownEntries, hiddenEntries) = (capacity - 1, count - (capacity - 1))
        }
        let legendRows = shownEntries + (hiddenEntries > 0 ? 1 : 0)
        plotHeight = max(1, available - legendRows * Self.legendRowHeight)
    }

    /// The text of the legend's last row when series were left out.
    var hiddenEntriesText: String? {
        hiddenEntries > 0 ? "... and \(hiddenEntries) more series (use --tag or --run to draw fewer)" : nil
    }
}
