// conformance-logdir: writes a log directory with every kind of summary this package writes (several runs,
// a legacy run, a resumed run) and a manifest of exactly what TensorBoard must show for it.
//
// Used by scripts/check-with-tensorboard, which loads the log directory with TensorBoard's own loaders and
// tbparse and compares every value with the manifest. Not a product of the package.
//
// Usage: conformance-logdir <output-directory>   (the log directory is <output>/logdir, the manifest
// <output>/manifest.json; scripts/check_with_tensorboard.py documents the manifest's format)

import Foundation
import TensorBoardEvents

/// Collects what was written, in the manifest's JSON shape.
final class Manifest {
    var runs: [String: [String: Any]] = [:]
    /// Histograms bucketed here from raw values: the checker buckets the same values with TensorBoard's own
    /// `histogram_pb` and compares the buckets bit for bit.
    var bucketing: [[String: Any]] = []

    static func hex(_ value: Double) -> String {
        let digits = String(value.bitPattern, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    func add(_ kind: String, run: String, tag: String, point: [Any]) {
        var runEntry = runs[run] ?? [:]
        var kindEntry = runEntry[kind] as? [String: [[Any]]] ?? [:]
        kindEntry[tag, default: []].append(point)
        runEntry[kind] = kindEntry
        runs[run] = runEntry
    }

    /// Moves the scalars of `run` that TensorBoard must drop (a resumed run's stale points) to `stale_scalars`,
    /// which only tbparse (it never purges across files) still shows.
    func purgeScalars(run: String, where predicate: ([Any]) -> Bool) {
        guard var runEntry = runs[run], var scalars = runEntry["scalars"] as? [String: [[Any]]] else { return }
        var stale: [String: [[Any]]] = [:]
        for (tag, points) in scalars {
            scalars[tag] = points.filter { !predicate($0) }
            stale[tag] = points.filter(predicate)
        }
        runEntry["scalars"] = scalars
        runEntry["stale_scalars"] = stale
        runs[run] = runEntry
    }

    /// Records a tag's display name and description, as `descriptions: {tag: [plugin, name, description]}`.
    func describe(run: String, tag: String, plugin: String, displayName: String, description: String) {
        var runEntry = runs[run] ?? [:]
        var descriptions = runEntry["descriptions"] as? [String: [String]] ?? [:]
        descriptions[tag] = [plugin, displayName, description]
        runEntry["descriptions"] = descriptions
        runs[run] = runEntry
    }

    func set(_ key: String, run: String, value: Any) {
        var runEntry = runs[run] ?? [:]
        runEntry[key] = value
        runs[run] = runEntry
    }
}

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: conformance-logdir <output-directory>\n".utf8))
    exit(2)
}
let output = arguments[1]
let logdir = output + "/logdir"
try? FileManager.default.removeItem(atPath: logdir)
let manifest = Manifest()
let baseTime = 1_700_000_000.0

@MainActor func scalar(
    _ writer: SummaryWriter,
    run: String,
    _ tag: String,
    _ value: Float,
    step: Int64,
    time: Double
) throws {
    try writer.scalar(tag, value, step: step, wallTime: time)
    manifest.add("scalars", run: run, tag: tag, point: [step, Manifest.hex(time), Manifest.hex(Double(value))])
}

// Keras-shaped runs: train and validation, epoch tags, steps = epochs.
let train = try SummaryWriter(runDirectory: logdir + "/train")
let validation = try SummaryWriter(runDirectory: logdir + "/validation")
try train.describe("epoch_loss", displayName: "Loss per epoch", description: "Cross-entropy, *mean* over batches")
manifest.describe(
    run: "train",
    tag: "epoch_loss",
    plugin: "scalars",
    displayName: "Loss per epoch",
    description: "Cross-entropy, *mean* over batches"
)
var generator = SystemRandomNumberGenerator()
for epoch in 0..<10 {
    let time = baseTime + Double(epoch) * 1.25
    let loss = Float(2.0 / Double(epoch + 1)) + Float(epoch % 3) * 0.01
    try scalar(train, run: "train", "epoch_loss", loss, step: Int64(epoch), time: time)
    try scalar(train, run: "train", "epoch_accuracy", Float(0.5 + 0.04 * Double(epoch)), step: Int64(epoch), time: time)
    try scalar(
        train,
        run: "train",
        "epoch_learning_rate",
        Float(0.01 * pow(0.9, Double(epoch))),
        step: Int64(epoch),
        time: time
    )
    try scalar(validation, run: "validation", "epoch_loss", loss * 1.1, step: Int64(epoch), time: time + 0.5)
    try scalar(
        validation,
        run: "validation",
        "epoch_accuracy",
        Float(0.45 + 0.035 * Double(epoch)),
        step: Int64(epoch),
        time: time + 0.5
    )
}

// Special values and steps, a tag with a slash and non-ASCII text.
let specials: [(Float, Int64)] = [
    (.nan, -5), (.infinity, -1), (-.infinity, 0), (-0.0, 1), (.leastNonzeroMagnitude, 2),
    (.greatestFiniteMagnitude, 3), (0.1, 1 << 40), (-3.5, Int64(1) << 53),
]
for (index, (value, step)) in specials.enumerated() {
    try scalar(train, run: "train", "special/values", value, step: step, time: baseTime + 100 + Double(index))
}
try scalar(train, run: "train", "métriques/f1 score", 0.75, step: 0, time: baseTime + 200)
// The extreme steps, in their own run (in increasing order, so that no loader purges anything).
let steps = try SummaryWriter(runDirectory: logdir + "/steps")
for (index, step) in [Int64.min, Int64.min + 1, -1, 0, Int64.max - 1, Int64.max].enumerated() {
    try scalar(steps, run: "steps", "extremes", Float(index), step: step, time: baseTime + 150 + Double(index))
}
try steps.close()
// An empty tag is a valid tag: both loaders keep it.
try scalar(validation, run: "validation", "", 0.5, step: 3, time: baseTime + 250)

// Histograms: bucketed from values (random, constant, a single value, extreme and subnormal magnitudes, bucket
// counts other than the default), and given buckets.
@MainActor func bucketed(_ tag: String, _ values: [Double], bucketCount: Int, step: Int64, time: Double) throws {
    let buckets = HistogramBuckets.make(values: values, bucketCount: bucketCount)
    try train.histogram(tag, buckets: buckets, step: step, wallTime: time)
    let hexBuckets = buckets.map { [Manifest.hex($0.leftEdge), Manifest.hex($0.rightEdge), Manifest.hex($0.count)] }
    manifest.add("histograms", run: "train", tag: tag, point: [step, Manifest.hex(time), hexBuckets])
    manifest.bucketing.append([
        "tag": tag, "step": step, "bucket_count": bucketCount, "values": values.map(Manifest.hex),
        "buckets": hexBuckets,
    ])
}
for step in 0..<3 {
    let values = (0..<500).map { _ in Double.random(in: -1...1, using: &generator) * Double(step + 1) }
    try bucketed(
        "dense/kernel",
        values,
        bucketCount: HistogramBuckets.defaultBucketCount,
        step: Int64(step),
        time: baseTime + 300 + Double(step)
    )
}
let bucketingCases: [(String, [Double], Int)] = [
    ("bucketing/constant", Array(repeating: 2.5, count: 7), 30),
    ("bucketing/single", [42], 30),
    ("bucketing/seven", (0..<100).map { Double($0) / 3.7 - 5 }, 7),
    ("bucketing/one", [-1e300, 3, 1e300], 1),
    ("bucketing/subnormal", [1, 2, 4, 20].map { Double.leastNonzeroMagnitude * $0 }, 3),
    ("bucketing/skewed", (0..<200).map { pow(1.07, Double($0)) }, 50),
]
for (tag, values, bucketCount) in bucketingCases {
    try bucketed(tag, values, bucketCount: bucketCount, step: 0, time: baseTime + 305)
}
let given = [
    HistogramBucket(leftEdge: -1, rightEdge: 0, count: 3), HistogramBucket(leftEdge: 0, rightEdge: 2.5, count: 7),
]
try train.histogram("given", buckets: given, step: 7, wallTime: baseTime + 310)
manifest.add(
    "histograms",
    run: "train",
    tag: "given",
    point: [
        Int64(7), Manifest.hex(baseTime + 310),
        given.map { [Manifest.hex($0.leftEdge), Manifest.hex($0.rightEdge), Manifest.hex($0.count)] },
    ]
)

// Text.
for (step, markdown) in ["# Run notes\n\n*lr* = 0.01", "second | table\n--- | ---\né | ü"].enumerated() {
    try train.text("notes", markdown, step: Int64(step), wallTime: baseTime + 400 + Double(step))
    manifest.add(
        "text",
        run: "train",
        tag: "notes",
        point: [Int64(step), Manifest.hex(baseTime + 400 + Double(step)), markdown]
    )
}

// Images: gray, RGB and RGBA.
for (index, format) in [PixelImage.Format.gray, .rgb, .rgba].enumerated() {
    let width = 4 + index
    let height = 3
    let pixels = (0..<(width * height * format.channelCount)).map { UInt8(truncatingIfNeeded: $0 * 37 + index) }
    let image = try PixelImage(width: width, height: height, format: format, pixels: pixels)
    let tag = "samples/\(format)"
    let time = baseTime + 500 + Double(index)
    try train.image(tag, image, step: Int64(index), wallTime: time)
    let png = try PNGEncoder.encode(image)
    manifest.add(
        "images",
        run: "train",
        tag: tag,
        point: [Int64(index), Manifest.hex(time), width, height, [Data(png).base64EncodedString()]]
    )
}

// HParams for the train run, with metrics read from this run's sibling runs.
let hparams: [String: HParamValue] = ["learning_rate": 0.01, "optimizer": "adam", "batch_norm": true, "units": 64]
try train.hparams(
    hparams,
    metrics: [.init(group: "", tag: "epoch_accuracy"), .init(group: "", tag: "epoch_loss")],
    wallTime: baseTime
)
try train.hparamsEnd(status: .success, wallTime: baseTime + 600)
manifest.set(
    "hparams",
    run: "train",
    value: [
        "hparams": ["learning_rate": 0.01, "optimizer": "adam", "batch_norm": true, "units": 64.0] as [String: Any],
        "metrics": [["group": "", "tag": "epoch_accuracy"], ["group": "", "tag": "epoch_loss"]],
        "status": "STATUS_SUCCESS",
    ]
)
try train.close()
try validation.close()

// A legacy (simple_value) run in the log directory itself: TensorBoard names it ".".
let root = try SummaryWriter(runDirectory: logdir, options: .init(scalarEncoding: .simpleValue))
// (With no display name, the Python loader would show the tag as one for a simple value; the Rust loader none.)
try root.describe("legacy/loss", displayName: "Legacy loss", description: "A `simple_value` scalar, described")
manifest.describe(
    run: ".",
    tag: "legacy/loss",
    plugin: "scalars",
    displayName: "Legacy loss",
    description: "A `simple_value` scalar, described"
)
for step in 0..<5 {
    try scalar(
        root,
        run: ".",
        "legacy/loss",
        Float(step) * 0.3 - 0.2,
        step: Int64(step),
        time: baseTime + 700 + Double(step)
    )
}
try root.close()

// A run interrupted after step 9 and resumed from step 5: TensorBoard must show steps 0...4 of the first
// attempt and 5...12 of the second, for every tag.
let first = try SummaryWriter(runDirectory: logdir + "/resumed")
for step in 0..<10 {
    for tag in ["loss", "accuracy"] {
        try scalar(
            first,
            run: "resumed",
            tag,
            Float(step) + (tag == "loss" ? 0.5 : 0.25),
            step: Int64(step),
            time: baseTime + 800 + Double(step)
        )
    }
}
try first.close()
manifest.purgeScalars(run: "resumed") { ($0[0] as? Int64 ?? 0) >= 5 }
// No pause: in the same second the new file still sorts after the old one (SummaryWriter sees to it).
let second = try SummaryWriter(runDirectory: logdir + "/resumed", options: .init(resumeStep: 5))
for step in 5..<13 {
    for tag in ["loss", "accuracy"] {
        try scalar(
            second,
            run: "resumed",
            tag,
            Float(step) * 10 + (tag == "loss" ? 0.5 : 0.25),
            step: Int64(step),
            time: baseTime + 900 + Double(step)
        )
    }
}
try second.close()
try writeLayoutAndSiblings()
try writeCurvesAndAudio()
try writeProjectorAndConfusion()

let json = try JSONSerialization.data(
    withJSONObject: ["runs": manifest.runs, "bucketing": manifest.bucketing] as [String: Any],
    options: [.prettyPrinted, .sortedKeys]
)
try json.write(to: URL(fileURLWithPath: output + "/manifest.json"))
print("wrote \(logdir) and \(output)/manifest.json")
