// SummaryWriter+ConfusionMatrix.swift: a confusion matrix as a heat-map image and a Markdown table.

extension SummaryWriter {
    /// Logs a confusion matrix as two summaries: a heat map under `tag` (Images dashboard; see
    /// ``ConfusionMatrixRendering`` for the drawing) and a Markdown table of the numbers under `<tag>_table`
    /// (Text dashboard). Rows are the true classes and columns the predicted ones, as scikit-learn's
    /// `confusion_matrix` returns them. (PyTorch has no such call: people draw a matplotlib figure and log it
    /// with `add_figure`.)
    /// - Parameters:
    ///   - tag: The image's tag; the table's is `<tag>_table`.
    ///   - counts: `counts[true][predicted]`, a square matrix of counts.
    ///   - labels: The class names, one per row.
    ///   - normalized: Whether to divide each row by its sum (scikit-learn's `normalize="true"`: the share of
    ///     each true class predicted as each class; a row summing to 0 stays 0); `false` by default.
    ///   - step: The step, of any integer type that fits in `Int64` (else `.stepOutOfRange`).
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError``: `.invalidSummary` when the matrix is empty or not square, the labels do not
    ///   match it or one holds a line break (nothing is written); or when a flush fails or the writer is closed.
    public func confusionMatrix<Count: BinaryInteger, Step: BinaryInteger>(
        _ tag: String,
        _ counts: [[Count]],
        labels: [String],
        normalized: Bool = false,
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        let values = counts.map { $0.map { Double($0) } }
        if let negative = counts.joined().first(where: { $0 < 0 }) {
            throw invalidConfusionMatrix(tag, "counts cannot be negative. Received: \(negative)")
        }
        let text = normalized ? nil : counts.map { $0.map { String($0) } }
        try writeConfusionMatrix(tag, values, text, labels, normalized, eventStep(step), wallTime)
    }

    /// Logs a confusion matrix of weighted counts (such as `ConfusionMatrix.counts` of the training metrics),
    /// as the integer form does; whole values show as integers, others with at most three decimals.
    /// - Parameters:
    ///   - tag: The image's tag; the table's is `<tag>_table`.
    ///   - counts: `counts[true][predicted]`, a square matrix of finite values that are not negative.
    ///   - labels: The class names, one per row.
    ///   - normalized: Whether to divide each row by its sum; `false` by default.
    ///   - step: The step, of any integer type that fits in `Int64` (else `.stepOutOfRange`).
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError``: `.invalidSummary` as the integer form does, and for a negative or
    ///   non-finite value; or when a flush fails or the writer is closed.
    public func confusionMatrix<Step: BinaryInteger>(
        _ tag: String,
        _ counts: [[Double]],
        labels: [String],
        normalized: Bool = false,
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        if let bad = counts.joined().first(where: { !($0 >= 0) || !$0.isFinite }) {
            throw invalidConfusionMatrix(tag, "counts must be finite and not negative. Received: \(bad)")
        }
        try writeConfusionMatrix(tag, counts, nil, labels, normalized, eventStep(step), wallTime)
    }

    private func writeConfusionMatrix(
        _ tag: String,
        _ counts: [[Double]],
        _ exactText: [[String]]?,
        _ labels: [String],
        _ normalized: Bool,
        _ step: Int64,
        _ wallTime: Double?
    ) throws(EventFileError) {
        let count = counts.count
        guard count > 0, counts.allSatisfy({ $0.count == count }) else {
            let shape = counts.map { String($0.count) }.joined(separator: ", ")
            throw invalidConfusionMatrix(tag, "the matrix must be square, a row per class. Received rows of [\(shape)]")
        }
        guard labels.count == count else {
            throw invalidConfusionMatrix(tag, "\(labels.count) labels for \(count) classes")
        }
        if let label = labels.first(where: { $0.contains(where: \.isNewline) }) {
            throw invalidConfusionMatrix(tag, "a label holds a line break. Received: \(label.debugDescription)")
        }
        let values = normalized ? counts.map { row in Self.dividedBySum(row) } : counts
        guard let image = ConfusionMatrixRendering.heatMap(values) else {
            throw invalidConfusionMatrix(tag, "\(count) classes make too large an image")
        }
        let cells = exactText ?? values.map { $0.map(ConfusionMatrixRendering.cellText) }
        let time = Self.wallTime(wallTime)
        try images(tag, [image], step: step, wallTime: time)
        try text(
            tag + "_table",
            ConfusionMatrixRendering.markdownTable(cells, labels: labels),
            step: step,
            wallTime: time
        )
    }

    /// `row` divided by its sum; zeros when the sum is 0.
    private static func dividedBySum(_ row: [Double]) -> [Double] {
        let sum = row.reduce(0, +)
        return sum > 0 ? row.map { $0 / sum } : row.map { _ in 0 }
    }

    private func invalidConfusionMatrix(_ tag: String, _ reason: String) -> EventFileError {
        EventFileError(.invalidSummary(reason: "confusion matrix \(tag): \(reason)"), path: filePath)
    }
}
