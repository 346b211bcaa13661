// DemoOptions.swift: the demo's command line.

import Foundation

/// What the demo was asked to do.
struct DemoOptions {
    var epochs = 40
    var logDirectory = "runs"
    var name: String?
    var seed: UInt64 = 42
    var dataPath: String?
    var hiddenUnits = 32
    var batchSize = 32
    var learningRate: Float = 0.05
    var patience = 6
    var showsLogs = true
    var sweeps = false
    var resumes = false
    var hangEpoch: Int?
    var filesDirectory = "train-demo-files"

    /// Where the run whose logs go to `runDirectory` keeps its checkpoints, CSV log and backup: the run
    /// directory itself, or for an `s3://` one (whose objects cannot be appended to or renamed, as the CSV log
    /// and the backup need) `<files-dir>/<bucket>/<key>`.
    func localDirectory(for runDirectory: String) -> String {
        guard runDirectory.hasPrefix("s3://") else { return runDirectory }
        return filesDirectory + "/" + runDirectory.dropFirst("s3://".count)
    }

    /// The run's (or with `--sweep`, the sweep's) name under the log directory.
    var runName: String { name ?? (sweeps ? "digits-sweep" : "digits-mlp") }

    static let help = """
        OVERVIEW: Trains a small network on scikit-learn's handwritten digits (1,797 8x8 images, no download)
        with every callback of TensorBoardTraining, and writes TensorBoard logs.

        It prints Keras-like progress, writes <logdir>/<name>/train and <logdir>/<name>/validation (plus the run's
        hparams and notes in <logdir>/<name>), stops early when validation loss stops improving, keeps the best
        model in <logdir>/<name>/checkpoints, logs every epoch to <logdir>/<name>/training.csv, and ends with a
        summary of every metric and of the logs it wrote.

        With --sweep it trains a hyperparameter sweep instead: learning rates 0.01, 0.05 and 0.2, each with seeds 1
        and 2, as six trials <logdir>/<name>/<trial>/{train,validation} named like learning_rate-0.05_seed-1 (each
        trial's hparams session in <logdir>/<name>/<trial>), with the HParams experiment (the hyperparameters'
        domains and the metrics) written once in <logdir>/<name>; it ends with `eventdump hparams <logdir>/<name>`
        for the epoch metrics.

        USAGE: train-demo [options]
               train-demo --sweep [--logdir <path>] [--epochs <n>] [options]

        OPTIONS:
          --epochs <n>            Most epochs to train. (default: 40; 20 per trial with --sweep)
          --logdir <path>         The log directory, a local path or s3://bucket/prefix. (default: runs)
          --files-dir <path>      With an s3:// log directory, where the checkpoints, the CSV log and the
                                  backup go instead: <path>/<bucket>/<prefix>/<name>. (default:
                                  train-demo-files)
          --name <name>           The run's name under the log directory. (default: digits-mlp; digits-sweep
                                  with --sweep)
          --seed <n>              Seed of the split, the initial weights and the batch order. (default: 42; each
                                  trial's with --sweep)
          --data <path>           The data CSV: a header line, then per line pixel values and a whole-number
                                  label from 0 to 999. (default: fixtures/datasets/digits.csv)
          --hidden <n>            Hidden units, at most 4096. (default: 32)
          --batch-size <n>        Samples per batch. (default: 32)
          --learning-rate <x>     Initial learning rate. (default: 0.05; each trial's with --sweep)
          --patience <n>          Early-stopping patience in epochs. (default: 6)
          --sweep                 Train the sweep described above.
          --no-logs-summary       Do not print the eventdump summary (or hparams table) of the logs at the end.
          --resume                Continue the interrupted run of this name from its backup
                                  (<logdir>/<name>/backup, written at every epoch end and deleted when
                                  training ends normally): same epochs, steps, decisions and logs as if it had
                                  never stopped.
          --hang-in-epoch <n>     (for tests) Stop halfway through epoch <n> (from 1) and wait to be killed.
          -h, --help              Show help information.

        Then look at the result with:
          tensorboard --logdir runs
          swift run eventdump summary runs
        """

    /// The most hidden units `--hidden` accepts (the weights are allocated up front).
    static let maximumHiddenUnits = 4096

    /// Parses the arguments after the program name.
    static func parse(_ arguments: [String]) throws -> DemoOptions? {
        var options = DemoOptions()
        var epochs: Int?
        var index = 0
        func value(_ name: String) throws -> String {
            index += 1
            guard index < arguments.count else { throw DemoError("missing value for '\(name)'") }
            return arguments[index]
        }
        func number<T: LosslessStringConvertible>(_ name: String) throws -> T {
            let text = try value(name)
            guard let parsed = T(text) else { throw DemoError("'\(text)' is not a valid value for '\(name)'") }
            return parsed
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "-h", "--help": return nil
            case "--epochs": epochs = try number(argument)
            case "--logdir": options.logDirectory = try value(argument)
            case "--name": options.name = try value(argument)
            case "--seed": options.seed = try number(argument)
            case "--data": options.dataPath = try value(argument)
            case "--hidden": options.hiddenUnits = try number(argument)
            case "--batch-size": options.batchSize = try number(argument)
            case "--learning-rate": options.learningRate = try number(argument)
            case "--patience": options.patience = try number(argument)
            case "--files-dir": options.filesDirectory = try value(argument)
            case "--no-logs-summary": options.showsLogs = false
            case "--sweep": options.sweeps = true
            case "--resume": options.resumes = true
            case "--hang-in-epoch": options.hangEpoch = try number(argument)
            default: throw DemoError("unknown option '\(argument)'")
            }
            index += 1
        }
        options.epochs = epochs ?? (options.sweeps ? 20 : 40)
        guard options.epochs > 0, options.hiddenUnits > 0, options.batchSize > 0, options.learningRate > 0,
            options.learningRate.isFinite
        else {
            throw DemoError("--epochs, --hidden, --batch-size and --learning-rate must be positive (and finite)")
        }
        guard options.hiddenUnits <= maximumHiddenUnits else {
            throw DemoError("--hidden must be at most \(maximumHiddenUnits). Received: \(options.hiddenUnits)")
        }
        return options
    }

    /// The data file: `--data`, or the fixture found from the current directory or next to the executable.
    func resolvedDataPath() throws -> String {
        if let dataPath { return dataPath }
        let relative = "fixtures/datasets/digits.csv"
        var candidates = [FileManager.default.currentDirectoryPath + "/" + relative]
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent(relative).path)
            directory.deleteLastPathComponent()
        }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw DemoError("cannot find \(relative); run from the package directory or pass --data <path>")
        }
        return found
    }
}
