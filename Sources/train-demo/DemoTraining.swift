// DemoTraining.swift: one training run of the demo, with every callback, into one run directory.

import Foundation
import TensorBoardTraining

/// What one training run leaves: its history, the epoch whose weights were restored, the best model's file.
struct DemoRun {
    var history: History
    var restoredEpoch: Int?
    var savedPath: String?
}

/// Trains the network once with `options` (its seed, learning rate, sizes and epochs) and every callback, and
/// logs into `runDirectory`: as one run with its own hparams experiment, or as `trial` of a sweep whose
/// experiment is at the sweep's root (then the trial's hyperparameters and the sweep's metrics are logged, and
/// nothing is printed: no progress bar, no overfitting warning, since the sweep prints a line per trial).
func train(
    _ options: DemoOptions,
    dataset: Dataset,
    runDirectory: String,
    trial: Sweep.Trial? = nil
) throws -> DemoRun {
    let showsProgress = trial == nil
    var generator = SplitMix64(seed: options.seed)
    let (training, validation) = dataset.split(validationShare: 0.2, generator: &generator)
    var network = Network(
        inputs: dataset.features[0].count,
        hidden: options.hiddenUnits,
        outputs: dataset.classCount,
        generator: &generator
    )
    var optimizer = MomentumOptimizer(learningRate: options.learningRate, momentum: 0.9)
    if showsProgress {
        say(
            "Digits: \(training.count) training and \(validation.count) validation samples, \(dataset.classCount) "
                + "classes; logging to \(runDirectory)"
        )
    }

    let hparams: [String: HParamValue] = [
        "hidden_units": .number(Double(options.hiddenUnits)), "batch_size": .number(Double(options.batchSize)),
        "learning_rate": .number(Double(options.learningRate)), "optimizer": "sgd_momentum_0.9",
        "seed": .number(Double(options.seed)),
    ]
    let trainingBatches =
        training.count / options.batchSize + (training.count % options.batchSize == 0 ? 0 : 1)
    let batchFrequency = 10
    let histogramFrequency = 5
    // scripts/check_demo_logs.py reads the last three rows to check the log's steps.
    let configuration =
        "| option | value |\n| --- | --- |\n"
        + hparams.keys.sorted().map { "| \($0) | \(hparams[$0]?.description ?? "") |" }.joined(separator: "\n")
        + "\n| max epochs | \(options.epochs) |\n| early-stopping patience | \(options.patience) |"
        + "\n| steps per epoch | \(trainingBatches) |\n| batch logging every | \(batchFrequency) |"
        + "\n| histograms every | \(histogramFrequency) |"
    // The last validation pass's labels and predicted probabilities, for the PR curves per digit.
    var validationLabels: [Int] = []
    var validationProbabilities: [[Double]] = []
    let classification = TensorBoardLogger.Classification(
        classNames: (0..<dataset.classCount).map { "digit_\($0)" },
        predictions: { (validationLabels, validationProbabilities) }
    )
    // The Projector's view of the first 300 validation digits after training: their hidden-layer activations,
    // labelled with the digit, drawn as the 8x8 images they are.
    let shown = Array(0..<min(300, validation.count))
    let embeddings = {
        TensorBoardLogger.Embedding(
            vectors: shown.map { network.forward(validation.features[$0]).hidden },
            labels: shown.map { String(validation.labels[$0]) },
            images: dataset.features[0].count == 64
                ? shown.compactMap {
                    try? PixelImage(values: validation.features[$0], width: 8, height: 8, channels: 1)
                }
                : nil
        )
    }
    let loggerOptions = TensorBoardLogger.Options(
        batchFrequency: batchFrequency,
        hparams: hparams,
        monitoredMetrics: ["val_loss", "val_accuracy"],
        configuration: configuration,
        histogramFrequency: histogramFrequency,
        weights: {
            [
                "mlp/hidden/kernel": network.hiddenWeights, "mlp/hidden/bias": network.hiddenBias,
                "mlp/out/kernel": network.outputWeights, "mlp/out/bias": network.outputBias,
            ]
        },
        classification: trial == nil ? classification : nil,
        classificationFrequency: 5,
        writesTrainValidationLayout: trial == nil,
        embeddings: trial == nil ? embeddings : nil
    )
    let logger =
        trial.map { TensorBoardLogger(trial: $0, options: loggerOptions) }
        ?? TensorBoardLogger(logDirectory: runDirectory, options: loggerOptions)
    // A single run backs up at every epoch end, so that --resume can continue it (a sweep's trials do not).
    let files = options.localDirectory(for: runDirectory)
    let backup = trial == nil ? try BackupAndRestore(directory: files + "/backup") : nil
    if let backup {
        if options.resumes {
            guard FileManager.default.fileExists(atPath: backup.backupPath) else {
                throw DemoError(
                    "nothing to resume: no backup at \(backup.backupPath) (the run ended normally, or never began)"
                )
            }
        } else if FileManager.default.fileExists(atPath: backup.backupPath) {
            say(
                "Starting afresh: the interrupted run's backup in \(backup.directory) is discarded (--resume continues it)"
            )
            try FileManager.default.removeItem(atPath: backup.directory)
        }
    }
    let earlyStopping = try EarlyStopping(monitor: "val_loss", patience: options.patience, restoreBestWeights: true)
    let checkpoint = try ModelCheckpoint(
        filePath: files + "/checkpoints/best-{epoch:02d}-{val_loss:.4f}.json",
        monitor: "val_loss",
        saveBestOnly: true
    )
    let callbacks: [any Callback] =
        (showsProgress ? [ProgressBar()] : []) + [
            logger, earlyStopping, checkpoint,
            try ReduceLROnPlateau(monitor: "val_loss", factor: 0.5, patience: 3, minimumLearningRate: 1e-4),
            TerminateOnNaN(), CSVLogger(path: files + "/training.csv"),
        ] + (showsProgress ? [try OverfittingMonitor(note: { logger.note($0, epoch: $1) })] : [])
        + (backup.map { [$0] } ?? [])
    let trainer = Trainer(
        metrics: { try [CategoricalAccuracy(), F1Score(average: .macro, name: "f1_macro"), AUC()] },
        callbacks: callbacks
    )
    func oneHot(_ labels: [Int]) -> [[Double]] {
        labels.map { label in (0..<dataset.classCount).map { $0 == label ? 1.0 : 0.0 } }
    }
    var shuffling: SplitMix64? = SplitMix64(seed: options.seed &+ 1)
    var epochBatches: [[Int]] = []
    var noShuffling: SplitMix64? = nil
    let validationBatches = validation.batches(of: 256, shuffledWith: &noShuffling)
    let model = ModelHooks(
        captureWeights: { network },
        restoreWeights: { network = $0 },
        save: { path in
            try TrainingState(network: network, optimizer: optimizer, shuffling: shuffling).save(to: path)
        },
        load: { path in
            let state = try TrainingState.load(from: path)
            (network, optimizer, shuffling) = (state.network, state.optimizer, state.shuffling)
        },
        learningRate: { Double(optimizer.learningRate) },
        setLearningRate: { optimizer.learningRate = Float($0) }
    )
    let history = try trainer.fit(
        epochs: options.epochs,
        trainingBatches: trainingBatches,
        trainStep: { epoch, batch in
            if batch == 0 { epochBatches = training.batches(of: options.batchSize, shuffledWith: &shuffling) }
            if let hang = options.hangEpoch, epoch + 1 == hang, batch == trainingBatches / 2 { hangUntilKilled(epoch) }
            let indices = epochBatches[batch]
            let labels = indices.map { training.labels[$0] }
            let (gradients, loss, probabilities) = network.gradients(
                features: indices.map { training.features[$0] },
                labels: labels
            )
            optimizer.step(&network, gradients: gradients)
            return try BatchResult(loss: loss, yTrue: oneHot(labels), yPred: probabilities.map { $0.map(Double.init) })
        },
        validationBatches: validationBatches.count,
        validationStep: { _, batch in
            let indices = validationBatches[batch]
            let labels = indices.map { validation.labels[$0] }
            let (_, loss, probabilities) = network.gradients(
                features: indices.map { validation.features[$0] },
                labels: labels
            )
            if batch == 0 { (validationLabels, validationProbabilities) = ([], []) }
            validationLabels += labels
            validationProbabilities += probabilities.map { $0.map(Double.init) }
            return try BatchResult(loss: loss, yTrue: oneHot(labels), yPred: probabilities.map { $0.map(Double.init) })
        },
        model: model
    )
    return DemoRun(history: history, restoredEpoch: earlyStopping.restoredEpoch, savedPath: checkpoint.savedPaths.last)
}
