// ProjectorAndConfusion.swift: the embeddings and confusion matrices of the conformance log.

import Foundation
import TensorBoardEvents

/// Writes run `projector`: three embeddings for the projector (float32 vectors with edge values, labels and a
/// sprite of gray and RGB images; float64 vectors with a metadata table; a tag needing escapes at a negative
/// step) and two confusion matrices (integer counts; weighted counts, normalized, with a row of zeros).
///
/// The manifest gets, under `embeddings`, a list in writing order of `{"tag", "step", "dtype", "vectors" (hex of
/// doubles), "labels" | "header" and "rows", "images": [{"width", "height", "channels", "pixels" (base64)}]}`;
/// under `confusion`, `{tag: {"step", "counts", "labels", "normalized"}}`; and the image and table written for
/// each matrix under `images` and `text`, like any other.
@MainActor func writeProjectorAndConfusion() throws {
    let writer = try SummaryWriter(runDirectory: logdir + "/projector")
    var embeddings: [[String: Any]] = []
    let floats: [[Float]] = [
        [0.1, -0.0, 1e-5, 1e16], [3.4028235e38, .leastNonzeroMagnitude, 123_456.79, -2.5],
        [1, 2, 3, 4], [0.3333333, -1e-30, 65_504, 7], [0, 0, 0, 0], [-1, -0.5, 0.25, 1e-4], [9.999, 1e15, 2e16, 5],
    ]
    let labels = ["alpha", "β-ü", "a b", "x_y*", "0", "label with spaces", "7"]
    let images = try (0..<floats.count).map { index in
        let format: PixelImage.Format = index % 2 == 0 ? .gray : .rgb
        let pixels = (0..<(9 * format.channelCount)).map { UInt8(truncatingIfNeeded: $0 * 29 + index * 53) }
        return try PixelImage(width: 3, height: 3, format: format, pixels: pixels)
    }
    try writer.embedding(floats, labels: labels, images: images, tag: "words/emb", step: 3)
    embeddings.append([
        "tag": "words/emb", "step": 3, "dtype": "float32", "vectors": hexRows(floats), "labels": labels,
        "images": images.map { image in
            [
                "width": image.width, "height": image.height, "channels": image.format.channelCount,
                "pixels": Data(image.pixels).base64EncodedString(),
            ] as [String: Any]
        },
    ])
    let doubles: [[Double]] = [[0.1, 1.0 / 3], [-2.5e-8, 1e30], [42, -0.0]]
    let header = ["name", "count"]
    let rows = [["first", "1"], ["", "2"], ["third *", "3"]]
    try writer.embedding(doubles, metadata: rows, header: header, step: 0)
    embeddings.append([
        "tag": "default", "step": 0, "dtype": "float64", "vectors": hexRows(doubles), "header": header, "rows": rows,
    ])
    let escaped = "say \"hi\" é\\"
    let plain: [[Float]] = [[1, 2], [3, 4]]
    try writer.embedding(plain, tag: escaped, step: -2)
    embeddings.append(["tag": escaped, "step": -2, "dtype": "float32", "vectors": hexRows(plain)])
    manifest.set("embeddings", run: "projector", value: embeddings)

    let time = baseTime + 1_300
    let counts = [[5, 1, 0], [2, 7, 1], [0, 3, 9]]
    let classes = ["cat", "dog", "b|ird_*"]
    try writer.confusionMatrix("classes/confusion", counts, labels: classes, step: 1, wallTime: time)
    let weighted: [[Double]] = [[2.5, 0.5, 0], [0, 0, 0], [1, 1, 4]]
    try writer.confusionMatrix(
        "classes/normalized",
        weighted,
        labels: classes,
        normalized: true,
        step: 1,
        wallTime: time
    )
    let normalized = weighted.map { row in row.reduce(0, +) > 0 ? row.map { $0 / row.reduce(0, +) } : row }
    for (tag, values, cells, isNormalized) in [
        ("classes/confusion", counts.map { $0.map(Double.init) }, counts.map { $0.map(String.init) }, false),
        ("classes/normalized", normalized, normalized.map { $0.map(ConfusionMatrixRendering.cellText) }, true),
    ] {
        guard let image = ConfusionMatrixRendering.heatMap(values) else { throw HeatMapTooLarge() }
        let png = try PNGEncoder.encode(image)
        manifest.add(
            "images",
            run: "projector",
            tag: tag,
            point: [Int64(1), Manifest.hex(time), image.width, image.height, [Data(png).base64EncodedString()]]
        )
        let table = ConfusionMatrixRendering.markdownTable(cells, labels: classes)
        manifest.add("text", run: "projector", tag: tag + "_table", point: [Int64(1), Manifest.hex(time), table])
        var entries = manifest.runs["projector"]?["confusion"] as? [String: Any] ?? [:]
        entries[tag] = [
            "step": 1, "labels": classes, "normalized": isNormalized,
            "counts": isNormalized ? weighted as Any : counts as Any,
        ]
        manifest.set("confusion", run: "projector", value: entries)
    }
    try writer.close()
}

/// A heat map that could not be drawn (never, for three classes).
private struct HeatMapTooLarge: Error {}

/// Each value as the hex of its double.
private func hexRows<Value: BinaryFloatingPoint>(_ rows: [[Value]]) -> [[String]] {
    rows.map { $0.map { Manifest.hex(Double($0)) } }
}
