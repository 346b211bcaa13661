// train-demo: the README's main job. Trains a one-hidden-layer network on the digits data set with every
// callback of TensorBoardTraining, writes TensorBoard logs, and shows them with eventdump.

import EventDumpKit
import Foundation
import TensorBoardTraining

func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// Prints each metric's best value (with its epoch) and final value.
func printSummary(_ history: History) {
    let names = history.metricNames
    let width = (names.map { $0.count }.max() ?? 6) + 2
    say("  " + "metric".padding(toLength: width, withPad: " ", startingAt: 0) + "best      (epoch)  final")
    for name in names {
        var indexed: [(epoch: Int, value: Double)] = []
        for (epoch, value) in zip(history.epochs, history.values(of: name)) {
            if let value { indexed.append((epoch, value)) }
        }
        guard let last = indexed.last else { continue }
        let minimizes = (ImprovementRule.direction(ofMetric: name) ?? .minimize) == .minimize
        var best = indexed[0]
        for entry in indexed where minimizes ? entry.value < best.value : entry.value > best.value { best = entry }
        let label = name.padding(toLength: width, withPad: " ", startingAt: 0)
        say("  " + label + String(format: "%-9.4f (%3d)   %.4f", best.value, best.epoch + 1, last.value))
    }
}

/// Waits to be killed, halfway through an epoch (`--hang-in-epoch`, for the resume test): the batches logged so
/// far reach the event files within the writers' 2-second flush interval.
func hangUntilKilled(_ epoch: Int) -> Never {
    FileHandle.standardError.write(Data("hanging in epoch \(epoch + 1)\n".utf8))
    while true { sleep(3600) }
}

func run(_ options: DemoOptions) throws {
    let dataset = try Dataset.load(csvAt: try options.resolvedDataPath())
    let runDirectory = options.logDirectory + "/" + options.runName
    let run = try train(options, dataset: dataset, runDirectory: runDirectory)
    let weights = run.restoredEpoch.map { "best weights from epoch \($0 + 1) restored" } ?? "last weights"
    say("\nSummary (\(run.history.epochs.count) epochs; \(weights)):")
    printSummary(run.history)
    if let saved = run.savedPath { say("Best model saved to \(saved)") }
    say("Logs: \(runDirectory)   (tensorboard --logdir \(options.logDirectory))")
    if options.showsLogs { try showEventdump(["summary", runDirectory]) }
}

/// Prints `$ eventdump <arguments>` and runs it in-process.
func showEventdump(_ arguments: [String]) throws {
    say("\n$ eventdump " + arguments.joined(separator: " "))
    let status = EventDump.run(
        arguments,
        output: FileDescriptorSink.standardOutput,
        errors: FileDescriptorSink.standardError
    )
    if status != 0 { throw DemoError("eventdump exited with status \(status)") }
}

do {
    guard let options = try DemoOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
        say(DemoOptions.help)
        exit(0)
    }
    if options.sweeps { try runSweep(options) } else { try run(options) }
} catch {
    FileHandle.standardError.write(Data("Error: \(error)\nSee 'train-demo --help' for more information.\n".utf8))
    exit(1)
}
