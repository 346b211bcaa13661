// The API as issue 14's bullets show it, used by a package that depends on this one by path, as a new user's
// would. scripts/check-as-a-user builds it beside the documents' code blocks and runs it twice:
//
//   api-client write <directory>    writes logs through a global writer it never closes, then ends
//   api-client check <directory>    reads them back and checks every value and every misuse error
//
// Any check that fails prints what was expected and exits with status 1.

import Foundation
import TensorBoardTraining

var failures = 0

@MainActor func expect(_ condition: Bool, _ what: String) {
    if !condition {
        print("api-client: FAILED: \(what)")
        failures += 1
    }
}

/// The error `body` throws, as text, or `nil` when it throws none.
func errorText(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return "\(error)"
    }
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    print("usage: api-client write|check <directory>")
    exit(2)
}
let directory = arguments[2]

// A global writer that is never closed: what it holds is flushed when the process ends normally.
let writer: SummaryWriter? = arguments[1] == "write" ? try SummaryWriter(runDirectory: directory + "/run") : nil

switch arguments[1] {
case "write":
    guard let writer else { exit(1) }
    let lr = 0.01
    for epoch in 0..<3 {  // an Int step, Float, Double and integer values
        try writer.scalar("a", 1, step: epoch)
        try writer.scalar("loss", Float(epoch) / 4, step: epoch)
        try writer.scalar("accuracy", 0.5 + Double(epoch) / 10, step: epoch)
        try writer.scalars(["x": Double(epoch), "y": 2 * Double(epoch)], step: epoch)
    }
    try writer.hparams(["lr": lr, "optimizer": "sgd", "layers": 3], metrics: [.init(group: "", tag: "loss")])
// The end of top-level code: the writer above is flushed on the way out, though nobody closes it.

case "check":
    let log = try Logdir.read(directory)
    let run = log.run(named: "run")
    expect(run?.scalars("a").map(\.value) == [1, 1, 1], "scalar(\"a\", 1, step: epoch) reads back as 1")
    expect(run?.scalars("a").map(\.step) == [0, 1, 2], "Int steps read back")
    expect(run?.scalars("loss").map(\.value) == [0, 0.25, 0.5], "Float values read back exactly")
    expect(run?.scalars("y").map(\.value) == [0, 2, 4], "scalars([...], step:) reads back")
    let hparams = run?.points("_hparams_/session_start_info").first.map { "\($0.value)" } ?? ""
    expect(hparams.contains("sgd") && hparams.contains("layers"), "hparams with variables and plain values")

    // No traps, no silent success: each misuse is an error that says what is wrong.
    let factor = errorText { _ = try ReduceLROnPlateau(factor: 1.5) }
    expect(
        factor == "ReduceLROnPlateau: factor must be at least 0 and below 1. Received: factor=1.5",
        "ReduceLROnPlateau(factor: 1.5) throws: got \(factor ?? "no error")"
    )
    expect(errorText { _ = try EarlyStopping(patience: -1) } != nil, "a negative patience throws")
    expect(
        errorText { _ = try ModelCheckpoint(filePath: "best-{epoch:0q}.txt") } != nil,
        "a bad format spec in a checkpoint template throws when the callback is made"
    )
    expect(errorText { _ = try BatchResult(loss: 1, yTrue: [[1], [0]], yPred: [[1]]) } != nil, "mismatched rows")
    let typo = errorText {
        _ = try Trainer(callbacks: [try EarlyStopping(monitor: "val_los", mode: .min)]).fit(
            epochs: 2,
            trainingBatches: 1,
            trainStep: { _, _ in try BatchResult(loss: 1) },
            validationBatches: 1,
            validationStep: { _, _ in try BatchResult(loss: 1) }
        )
    }
    expect(
        typo?.contains("did you mean 'val_loss'?") == true,
        "a mistyped monitor suggests the logged key: got \(typo ?? "no error")"
    )

    // Best weights come back for a class model too, when its parameters are captured.
    final class Model { var weights = [0.0] }
    let model = Model()
    let losses = [3.0, 1.0, 2.0, 4.0]
    _ = try Trainer(callbacks: [try EarlyStopping(monitor: "loss", patience: 10, restoreBestWeights: true)]).fit(
        epochs: 4,
        trainingBatches: 1,
        trainStep: { epoch, _ in
            model.weights[0] = Double(epoch)
            return try BatchResult(loss: losses[epoch])
        },
        model: ModelHooks(captureWeights: { model.weights }, restoreWeights: { model.weights = $0 })
    )
    expect(model.weights == [1], "restoreBestWeights puts back the best epoch's weights (epoch 1)")

    // Steps that suspend, with the async form of fit, here on the main actor.
    let asyncHistory = try await Trainer(metrics: { [MeanAbsoluteError()] }).fit(
        epochs: 2,
        trainingBatches: 2,
        trainStep: { _, _ in
            await Task.yield()
            return try BatchResult(loss: 1, yTrue: [[1]], yPred: [[0.5]])
        }
    )
    expect(asyncHistory.values(of: "mean_absolute_error") == [0.5, 0.5], "the async fit runs every epoch")
    let epochs = await Task.detached { asyncHistory.epochs }.value  // a History can leave its actor
    expect(epochs == [0, 1], "the history crosses to another task")

    if failures > 0 { exit(1) }
    print("api-client: every check passed")
default:
    print("usage: api-client write|check <directory>")
    exit(2)
}
