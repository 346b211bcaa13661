// DemoSweep.swift: `train-demo --sweep`: three learning rates, each with two seeds, as a TensorBoard HParams sweep.

import Foundation
import TensorBoardTraining

/// The sweep's settings: the learning rates tried (each trial's other options are the command line's).
let sweepSettings = Sweep.grid(["learning_rate": [0.01, 0.05, 0.2]])
/// The seeds each setting is trained with.
let sweepSeeds = [1, 2]

/// Trains every trial of the sweep into `<logdir>/<name>/<trial>`, after writing the experiment at
/// `<logdir>/<name>`, printing one line per trial; then shows `eventdump hparams` of the sweep's epoch metrics.
func runSweep(_ options: DemoOptions) throws {
    let dataset = try Dataset.load(csvAt: try options.resolvedDataPath())
    let sweep = try Sweep(
        logDirectory: options.logDirectory,
        name: options.runName,
        settings: sweepSettings,
        seeds: sweepSeeds,
        monitoredMetrics: ["val_loss", "val_accuracy"]
    )
    try sweep.writeExperiment()
    say("Sweep: \(sweep.trials.count) trials of at most \(options.epochs) epochs, logging to \(sweep.directory)")
    let width = (sweep.trials.map(\.name.count).max() ?? 5) + 2
    say("  " + "trial".padding(toLength: width, withPad: " ", startingAt: 0) + "epochs  best val_loss  val_accuracy")
    for trial in sweep.trials {
        var trialOptions = options
        trialOptions.seed = UInt64(truncatingIfNeeded: trial.seed)
        if case .number(let rate)? = trial.hparams["learning_rate"] { trialOptions.learningRate = Float(rate) }
        let run = try train(
            trialOptions,
            dataset: dataset,
            runDirectory: trial.directory,
            trial: trial
        )
        let losses = run.history.values(of: "val_loss").compactMap { $0 }
        let accuracy = run.history.values(of: "val_accuracy").compactMap { $0 }.last ?? .nan
        let label = trial.name.padding(toLength: width, withPad: " ", startingAt: 0)
        say(
            "  " + label
                + String(format: "%6d  %13.4f  %12.4f", run.history.epochs.count, losses.min() ?? .nan, accuracy)
        )
    }
    say("Logs: \(sweep.directory)   (tensorboard --logdir \(sweep.directory), then the HPARAMS tab)")
    // The epoch metrics only: their best values are what the best_* series hold.
    if options.showsLogs { try showEventdump(["hparams", sweep.directory, "--tag", "^epoch_"]) }
}
