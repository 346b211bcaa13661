// The writer's API as a client sees it: this file imports TensorBoardEvents without @testable, so that each call
// here compiles only through public API, written as a PyTorch or Keras user writes it.

import TensorBoardEvents
import TestSupport
import Testing

@Suite struct PlainValuesAPITests {
    let directory = TemporaryDirectory()

    /// The points of `tag` in the only run, every one kept (no restart purging), as (step, value).
    func points(_ tag: String) throws -> [(Int64, Double)] {
        let log = try Logdir.read(directory.path, purging: nil)
        #expect(log.damage.isEmpty)
        return log.runs.flatMap { $0.scalars(tag).map { ($0.step, $0.value) } }
    }

    @Test func scalarsTakeIntegerStepsAndFloatDoubleAndIntegerValues() throws {
        let writer = try SummaryWriter(runDirectory: directory.path)
        let epoch = 3
        let someInt = 7
        let someFloat: Float = 0.1
        try writer.scalar("a", 1, step: 0)
        try writer.scalar("a", 1.5, step: epoch)
        try writer.scalar("a", someInt, step: 0)
        try writer.scalar("a", someFloat, step: 0)
        try writer.scalar("b", 0.1, step: UInt(4))
        try writer.scalar("b", someFloat, step: Int32(5))
        try writer.scalar("b", UInt8(9), step: UInt64(6))
        try writer.scalar("b", Int64(1 << 24 + 1), step: Int16(7))
        try writer.close()
        let a = try points("a")
        #expect(a.map(\.0) == [0, 3, 0, 0])
        #expect(a.map(\.1) == [1, 1.5, 7, Double(someFloat)])
        let b = try points("b")
        #expect(b.map(\.0) == [4, 5, 6, 7])
        // A Double and an integer become the nearest Float; a Float stays exactly itself.
        #expect(b.map(\.1) == [Double(Float(0.1)), Double(someFloat), 9, Double(Float(1 << 24))])
    }

    @Test func batchesTakeFloatOrDoubleVariablesAtAnyIntegerStep() throws {
        let writer = try SummaryWriter(runDirectory: directory.path)
        let l: Float = 0.25
        let a: Float = 0.75
        let loss = 0.5
        let accuracy = 0.125
        for epoch in 0..<2 {
            try writer.scalars(["loss": l, "acc": a], step: epoch)
            try writer.scalars(["loss": loss, "acc": accuracy], step: UInt32(epoch + 10))
        }
        let ordered: KeyValuePairs<String, Float> = ["loss": 1, "acc": 2]
        try writer.scalars(ordered, step: 20)
        try writer.close()
        #expect(try points("loss").map(\.0) == [0, 10, 1, 11, 20])
        #expect(try points("loss").map(\.1) == [0.25, 0.5, 0.25, 0.5, 1])
        #expect(try points("acc").map(\.1) == [0.75, 0.125, 0.75, 0.125, 2])
    }

    /// A step outside `Int64` is thrown, before anything is written, by every kind of summary.
    @Test(arguments: ["scalar", "integer scalar", "scalars", "histogram", "buckets", "text", "image", "images"])
    func aStepOutsideInt64IsThrownAndNothingWritten(method: String) throws {
        let writer = try SummaryWriter(runDirectory: directory.path)
        let step = UInt64(Int64.max) + 1
        let image = try PixelImage(width: 1, height: 1, format: .gray, pixels: [0])
        let expected = EventFileError(.stepOutOfRange(step: "9223372036854775808"), path: writer.filePath)
        #expect(throws: expected) {
            switch method {
            case "scalar": try writer.scalar("x", 1.5, step: step)
            case "integer scalar": try writer.scalar("x", 2, step: step)
            case "scalars": try writer.scalars(["x": 1.5], step: step)
            case "histogram": try writer.histogram("x", values: [1.0, 2.0], step: step)
            case "buckets": try writer.histogram("x", buckets: [], step: step)
            case "text": try writer.text("x", "hello", step: step)
            case "image": try writer.image("x", image, step: step)
            default: try writer.images("x", [image], step: step)
            }
        }
        try writer.scalar("x", 3, step: Int64.max)
        try writer.close()
        let log = try Logdir.read(directory.path, purging: nil)
        #expect(log.runs.flatMap { $0.points("x") }.map(\.step) == [Int64.max])
    }

    @Test func histogramsTextAndImagesTakeAnyIntegerStep() throws {
        let writer = try SummaryWriter(runDirectory: directory.path)
        let epoch = 2
        let weights: [Float] = [0.5, -0.25, 1]
        try writer.histogram("w", values: weights, step: epoch)
        try writer.histogram("w", buckets: [HistogramBucket(leftEdge: 0, rightEdge: 1, count: 3)], step: UInt(3))
        try writer.text("t", "**lr** = 0.01", step: Int8(4))
        let image = try PixelImage(width: 1, height: 1, format: .gray, pixels: [255])
        try writer.image("i", image, step: UInt16(5))
        try writer.images("i", [image, image], step: epoch * 3)
        try writer.close()
        let log = try Logdir.read(directory.path, purging: nil)
        let run = try #require(log.runs.first)
        #expect(run.points("w").map(\.step) == [2, 3])
        #expect(run.points("t").map(\.step) == [4])
        #expect(run.points("t").map(\.value) == [.text(["**lr** = 0.01"], shape: [])])
        #expect(run.points("i").map(\.step) == [5, 6])
    }

    @Test func hparamsTakeVariablesAndLiteralsOfEveryPlainType() throws {
        let writer = try SummaryWriter(runDirectory: directory.path)
        let lr = 0.01
        let momentum: Float = 0.9
        let batchSize: UInt32 = 64
        try writer.hparams(
            ["lr": lr, "optimizer": "sgd", "layers": 3, "dropout": true, "momentum": momentum, "batch": batchSize],
            metrics: [.init(group: "", tag: "a")]
        )
        try writer.close()
        let log = try Logdir.read(directory.path, purging: nil)
        let point = try #require(log.runs.first?.points(HParamsPluginData.sessionStartInfoTag).first)
        guard case .hparams(let data) = point.value, case .sessionStartInfo(let start)? = data.data else {
            Issue.record("not a session start: \(point.value)")
            return
        }
        #expect(
            start.hparams == [
                "lr": .number(0.01), "optimizer": .string("sgd"), "layers": .number(3), "dropout": .bool(true),
                // A Float is shown as its decimal text, as written, not as the nearest Double's digits.
                "momentum": .number(0.9), "batch": .number(64),
            ]
        )
    }

    /// Dictionaries of HParamValue, and its cases named in a literal, compile and write as before.
    @Test func hparamValueDictionariesStillWork() throws {
        let writer = try SummaryWriter(runDirectory: directory.path)
        let typed: [String: HParamValue] = ["units": 64, "activation": "relu"]
        try writer.hparams(typed)
        try writer.hparams(["seed": .number(Double(typed.count)), "name": .string("b")], groupName: "g")
        try writer.close()
        let log = try Logdir.read(directory.path, purging: nil)
        let starts = (log.runs.first?.points(HParamsPluginData.sessionStartInfoTag) ?? []).compactMap { point in
            if case .hparams(let data) = point.value, case .sessionStartInfo(let start)? = data.data {
                return start.hparams
            }
            return nil
        }
        #expect(
            starts == [
                ["units": .number(64), "activation": .string("relu")],
                ["seed": .number(2), "name": .string("b")],
            ]
        )
    }

    /// A PyTorch-style loop: one scalar call, one batch call and hparams at the end, with plain values.
    @Test func aPyTorchStyleLoopWritesEveryValue() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/runs/pytorch-style")
        let lr = 0.01
        for epoch in 0..<3 {
            let loss: Float = 1 / Float(epoch + 1)
            try writer.scalar("loss", loss, step: epoch)
            try writer.scalars(["train_acc": 0.5 + Double(epoch) / 10, "val_acc": 0.4], step: epoch)
        }
        try writer.hparams(["lr": lr, "optimizer": "sgd", "layers": 3], metrics: [.init(group: "", tag: "loss")])
        try writer.close()
        #expect(try points("loss").map(\.1) == [1, Double(Float(0.5)), Double(Float(1) / 3)])
        #expect(try points("val_acc").map(\.0) == [0, 1, 2])
    }

    /// The Swift column of the README's table, each cell as written there, with its names as variables.
    @Test func theReadmesTableRowsCompileAndWrite() throws {
        let logDir = directory.path + "/table"
        let writer = try SummaryWriter(runDirectory: logDir)
        let (tag, v, step, a, b) = ("t", 0.5, 4, Float(1), Float(2))
        let (values, text, w, h, bytes, lr) = ([1.0, 2.0], "hi", 1, 1, [UInt8(1), 2, 3], 0.1)
        try writer.scalar(tag, v, step: step)
        try writer.scalars(["a": a, "b": b], step: step)
        let mainTag = "m"
        try writer.siblingScalars(mainTag, ["a": a, "b": b], step: step)
        try writer.customScalarLayout(
            CustomScalarLayout([.init("losses", charts: [.multiline("loss", tagPatterns: ["loss"])])])
        )
        let (labels, predictions, samples, rate) = ([true, false], [0.75, 0.5], [Float(0.5), -0.5], 8_000)
        try writer.prCurve(tag + "p", labels: labels, predictions: predictions, step: step)
        try writer.audio(tag + "a", [samples], sampleRate: rate, step: step)
        try writer.histogram(tag + "h", values: values, step: step)
        try writer.text(tag + "x", text, step: step)
        try writer.image(tag + "i", try PixelImage(width: w, height: h, format: .rgb, pixels: bytes), step: step)
        try writer.hparams(["lr": lr], metrics: [.init(group: "", tag: "loss")])
        try writer.hparamsEnd()
        try writer.flush()
        try writer.close()
        let log = try Logdir.read(logDir, purging: nil)
        let run = try #require(log.run(named: "."))
        #expect(Set(run.tags).isSuperset(of: ["t", "a", "b", "th", "tx", "ti", HParamsPluginData.sessionEndInfoTag]))
        #expect(Set(run.tags).isSuperset(of: [CustomScalarLayout.tag, "tp", "ta"]))
        #expect(log.run(named: "m_b")?.scalars(mainTag).map(\.2) == [2])
        #expect(run.points("ti").map(\.step) == [4])
    }
}
