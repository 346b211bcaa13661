// The small log directory most command tests read.

import Foundation
import TestSupport

@testable import TensorBoardEvents

/// A small log directory written with SummaryWriter: train and validation runs with known values.
func writeSmallLog(_ path: String) throws {
    let train = try SummaryWriter(runDirectory: path + "/exp/train")
    let validation = try SummaryWriter(runDirectory: path + "/exp/validation")
    let trainLoss: [Float] = [1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125]
    let validationLoss: [Float] = [1.0, 0.75, 0.5, 0.5, 0.625, 0.75, 0.875, 1.0]
    for epoch in 0..<8 {
        try train.scalar("epoch_loss", trainLoss[epoch], step: Int64(epoch), wallTime: 1000 + Double(epoch))
        try validation.scalar("epoch_loss", validationLoss[epoch], step: Int64(epoch), wallTime: 1000.5 + Double(epoch))
    }
    try train.histogram("w", buckets: [HistogramBucket(leftEdge: 0, rightEdge: 1, count: 2)], step: 0, wallTime: 1000)
    try train.text("notes", "line one\nline two", step: 0, wallTime: 1000)
    try train.hparams(["lr": 0.5], metrics: [.init(group: "", tag: "epoch_loss")], wallTime: 1000)
    try train.close()
    try validation.close()
}

/// Writes rank-0 DT_DOUBLE scalars (plugin `scalars`), as `tf.summary.write` of a float64 does, one event each:
/// values a 32-bit float cannot hold, such as ±1e308.
func writeDoubleScalars(_ values: [Double], tag: String, runDirectory: String) throws {
    let writer = try SummaryWriter(runDirectory: runDirectory)
    for (step, value) in values.enumerated() {
        var tensor = TensorProto(dataType: .double, shape: TensorShapeProto())
        tensor.doubleValues = [value]
        let summary = Summary(values: [Summary.Value(tag: tag, kind: .tensor(tensor), metadata: .scalars)])
        try writer.write(Event(wallTime: 1000 + Double(step), step: Int64(step), content: .summary(summary)))
    }
    try writer.close()
}

/// A run that was interrupted and resumed: the first attempt logs `first` at steps 0, 1, ...; the second, made
/// with SummaryWriter's `resumeStep` (which writes SessionLog STARTs, so TensorBoard drops the first attempt's
/// points at and after that step), logs `second` from `resumeStep` on. The files are renamed so that the first
/// attempt's sorts first, as two real attempts' time-stamped names do.
func writeRestartedRun(_ runDirectory: String, tag: String, first: [Float], resumeStep: Int64, second: [Float]) throws {
    for (attempt, values) in [(1, first), (2, second)] {
        let scratch = runDirectory + ".attempt\(attempt)"
        let start = attempt == 1 ? 0 : resumeStep
        let writer = try SummaryWriter(
            runDirectory: scratch,
            options: .init(resumeStep: attempt == 1 ? nil : resumeStep)
        )
        for (offset, value) in values.enumerated() {
            let step = start + Int64(offset)
            try writer.scalar(tag, value, step: step, wallTime: Double(attempt * 1000) + Double(step))
        }
        try writer.close()
        try FileManager.default.createDirectory(atPath: runDirectory, withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            atPath: writer.filePath,
            toPath: runDirectory + "/events.out.tfevents.000000000\(attempt).attempt"
        )
        try FileManager.default.removeItem(atPath: scratch)
    }
}
