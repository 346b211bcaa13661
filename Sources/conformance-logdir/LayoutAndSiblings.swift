// LayoutAndSiblings.swift: the Custom Scalars layout and PyTorch-style sibling runs of the conformance log.

import TensorBoardEvents

/// Writes run `siblings`, holding the Custom Scalars layout, and its sibling runs `siblings/loss_train` and
/// `siblings/loss_validation` (written by `siblingScalars`, tag `loss`), into the log directory and the
/// manifest: the layout under the run's `custom_scalars` key, in the manifest's plain shape (categories with
/// title, closed and charts; a chart with title and either `multiline` patterns or `margin` [value, lower,
/// upper] triples).
@MainActor func writeLayoutAndSiblings() throws {
    let writer = try SummaryWriter(runDirectory: logdir + "/siblings")
    for step in 0..<4 {
        let time = baseTime + 1_000 + Double(step)
        let values = ["train": 1 / Double(step + 1), "validation": 1.2 / Double(step + 1)]
        try writer.siblingScalars("loss", values, step: step, wallTime: time)
        for (key, value) in values {
            let point: [Any] = [Int64(step), Manifest.hex(time), Manifest.hex(Double(Float(value)))]
            manifest.add("scalars", run: "siblings/loss_" + key, tag: "loss", point: point)
        }
    }
    let layout = CustomScalarLayout([
        .init(
            "train against validation",
            charts: [
                .multiline("loss", tagPatterns: ["^loss$", "epoch_loss"]),
                .margin("accuracy band", value: "epoch_accuracy", lower: "epoch_loss", upper: "epoch_learning_rate"),
            ]
        ),
        .init("closed", charts: [.multiline("", tagPatterns: ["special/.*"])], isClosed: true),
    ])
    try writer.customScalarLayout(layout, wallTime: baseTime + 1_010)
    try writer.close()
    let categories: [[String: Any]] = layout.categories.map { category in
        let charts: [[String: Any]] = category.charts.map { chart in
            switch chart.content {
            case .multiline(let patterns): return ["title": chart.title, "multiline": patterns]
            case .margin(let series):
                return ["title": chart.title, "margin": series.map { [$0.value, $0.lower, $0.upper] }]
            case nil: return ["title": chart.title]
            }
        }
        return ["title": category.title, "closed": category.isClosed, "charts": charts]
    }
    manifest.set("custom_scalars", run: "siblings", value: categories)
}
