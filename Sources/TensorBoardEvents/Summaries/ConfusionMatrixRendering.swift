// ConfusionMatrixRendering.swift: a confusion matrix as a heat-map image and as a Markdown table.

/// Draws a confusion matrix, rows the true classes and columns the predicted ones (scikit-learn's
/// `confusion_matrix` convention, row `i` column `j` counting samples of class `i` predicted as `j`).
///
/// **Heat map.** Each cell is a square of ``cellSize(classCount:)`` pixels, its color running linearly from
/// white at 0 to ``darkest`` (the darkest color of matplotlib's `Blues`, the usual confusion-matrix map) at the
/// largest value: channel `c` is `round(255 + (darkest[c] - 255) * value / largest)`, halves away from zero,
/// all white when every value is 0. A line of one ``gridGray`` pixel separates the cells and frames the grid,
/// so the picture is `n × cell + n + 1` pixels square. There is no text: the table carries the numbers.
package enum ConfusionMatrixRendering {
    /// The color of the largest value: red, green, blue.
    package static let darkest: [Double] = [8, 48, 107]
    /// The gray level of the grid lines.
    package static let gridGray: UInt8 = 200

    /// Pixels per cell: 16, or fewer for more than 32 classes (at least 2), so that the picture stays about
    /// 512 pixels wide.
    package static func cellSize(classCount: Int) -> Int {
        max(2, min(16, 512 / max(1, classCount)))
    }

    /// The largest side of a heat map (about 2,700 classes), so that its pixels stay within 200 MB.
    package static let maximumSide = 8192

    /// The heat map of `values`, a square matrix of finite values that are not negative; `nil` when it would be
    /// wider than ``maximumSide``.
    package static func heatMap(_ values: [[Double]]) -> PixelImage? {
        let count = values.count
        let cell = cellSize(classCount: count)
        guard count <= maximumSide / (cell + 1) else { return nil }
        let side = count * cell + count + 1
        let largest = values.joined().max() ?? 0
        var pixels = [UInt8](repeating: gridGray, count: side * side * 3)
        for (row, rowValues) in values.enumerated() {
            for (column, value) in rowValues.enumerated() {
                let share = largest > 0 ? value / largest : 0
                let color = darkest.map { UInt8(clamping: Int((255 + ($0 - 255) * share).rounded())) }
                let top = 1 + row * (cell + 1)
                let left = 1 + column * (cell + 1)
                for y in top..<(top + cell) {
                    for x in left..<(left + cell) {
                        for channel in 0..<3 { pixels[(y * side + x) * 3 + channel] = color[channel] }
                    }
                }
            }
        }
        return try? PixelImage(width: side, height: side, format: .rgb, pixels: pixels)
    }

    /// The Markdown table: a header row `true ↓ / predicted →` and the labels, then a row per true class, its
    /// label and its cells (right-aligned). Labels are escaped so that Markdown shows them as written
    /// (`\`, `` ` ``, `*`, `_`, `[`, `]`, `|` get a backslash).
    /// - Parameters:
    ///   - cells: The cells' text, row by row.
    ///   - labels: The class names, one per row and column.
    package static func markdownTable(_ cells: [[String]], labels: [String]) -> String {
        let names = labels.map(escaped)
        var text = "| true ↓ / predicted → | " + names.joined(separator: " | ") + " |\n"
        text += "| --- |" + String(repeating: " ---: |", count: labels.count) + "\n"
        for (name, row) in zip(names, cells) {
            text += "| \(name) | " + row.joined(separator: " | ") + " |\n"
        }
        return text
    }

    /// `label` with the characters Markdown would read as markup escaped.
    private static func escaped(_ label: String) -> String {
        var text = ""
        for character in label {
            if "\\`*_[]|".contains(character) { text.append("\\") }
            text.append(character)
        }
        return text
    }

    /// A cell's text: an integer as an integer (`12`), another value with at most three decimals (`0.667`),
    /// as Python's `repr` of the rounded value shows it.
    package static func cellText(_ value: Double) -> String {
        if value == value.rounded(), value.magnitude < 1e15 { return String(Int64(value)) }
        return pythonRepr((value * 1000).rounded() / 1000)
    }
}
