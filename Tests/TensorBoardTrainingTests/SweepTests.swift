import Foundation
import TestSupport
import Testing

@testable import TensorBoardTraining

/// The hparams plugin data of every point of `tag` in `run`.
private func hparams(_ run: LogdirContents.RunContents?, _ tag: String) -> [HParamsPluginData.Data] {
    (run?.points(tag) ?? []).compactMap { point in
        if case .hparams(let data) = point.value { return data.data }
        return nil
    }
}

@Suite struct SweepTests {
    let directory = TemporaryDirectory()

    // Expected names follow the documented rule, the values as Python 3 prints them: str(32), repr(0.05),
    // repr(1.0), repr(1e-05), repr(1e16), str(True); path-unsafe bytes as %XX of their UTF-8.
    @Test(
        arguments: [
            (["learning_rate": 0.05], 1, "learning_rate-0.05_seed-1"),
            (["lr": 0.1, "hidden": 32], 3, "hidden-32_lr-0.1_seed-3"),
            (["lr": 1.0], 1, "lr-1.0_seed-1"),
            (["lr": 1e-5], 1, "lr-1e-05_seed-1"),
            (["width": 1e16], 1, "width-1e+16_seed-1"),
            (["lr": Float(0.1)], 1, "lr-0.1_seed-1"),
            (["units": UInt8(8), "layers": Int64(-2)], 1, "layers--2_units-8_seed-1"),
            (["dropout": true, "bias": false], 7, "bias-False_dropout-True_seed-7"),
            (["optimizer": "adam/w"], 1, "optimizer-adam%2Fw_seed-1"),
            (["optimizer": ".."], 1, "optimizer-.._seed-1"),
            (["note": "café 50%"], 1, "note-caf%C3%A9%2050%25_seed-1"),
            (["a/b": "x_y"], 1, "a%2Fb-x_y_seed-1"),
            ([:], -1, "seed--1"),
        ] as [([String: any HParamConvertible], Int, String)]
    )
    func trialNamesAreSortedPythonPrintedAndPathSafe(setting: [String: any HParamConvertible], seed: Int, name: String)
    {
        #expect(Sweep.trialName(setting: setting, seed: seed) == name)
        #expect(!name.contains("/") && name != "." && name != "..")
    }

    @Test func gridListsEveryCombinationAsParameterGridDoes() {
        // sklearn.model_selection.ParameterGrid({"lr": [0.1, 0.01], "act": ["relu", "tanh"]}) lists, in order:
        // act relu lr 0.1, act relu lr 0.01, act tanh lr 0.1, act tanh lr 0.01.
        let names = Sweep.grid(["lr": [0.1, 0.01], "act": ["relu", "tanh"]]).map {
            Sweep.trialName(setting: $0, seed: 0)
        }
        #expect(
            names == [
                "act-relu_lr-0.1_seed-0", "act-relu_lr-0.01_seed-0", "act-tanh_lr-0.1_seed-0",
                "act-tanh_lr-0.01_seed-0",
            ]
        )
        #expect(Sweep.grid([:]).count == 1)
        #expect(Sweep.grid(["lr": []]).isEmpty)
    }

    @Test func trialsAreEverySettingWithEverySeedInTheirOwnDirectory() throws {
        let sweep = try Sweep(
            logDirectory: "runs",
            name: "s",
            settings: [["lr": 0.1], ["lr": 0.01]],
            seeds: [2, 1]
        )
        #expect(sweep.trials.map(\.name) == ["lr-0.1_seed-2", "lr-0.1_seed-1", "lr-0.01_seed-2", "lr-0.01_seed-1"])
        #expect(sweep.trials.map(\.directory).first == "runs/s/lr-0.1_seed-2")
        #expect(sweep.trials.first?.hparams == ["lr": .number(0.1), "seed": .number(2)])
        #expect(sweep.trials.map(\.seed) == [2, 1, 2, 1])
        #expect(sweep.directory == "runs/s")
    }

    @Test func domainsAreTheDistinctValuesSortedUnlessGiven() throws {
        let sweep = try Sweep(
            logDirectory: "runs",
            name: "s",
            settings: [
                ["lr": 0.1, "opt": "sgd", "bn": true], ["lr": 0.01, "opt": "adam", "bn": false],
                ["lr": 0.1, "opt": "adam", "bn": true],
            ],
            seeds: [5],
            domains: ["lr": .interval(min: 1e-4, max: 1)]
        )
        typealias Info = HParamsPluginData.Experiment.HParamInfo
        var expected = [
            Info(name: "bn", type: Info.typeBool, domain: .discrete([.bool(false), .bool(true)])),
            Info(name: "lr", type: Info.typeFloat64, domain: .interval(min: 1e-4, max: 1)),
            Info(name: "opt", type: Info.typeString, domain: .discrete([.string("adam"), .string("sgd")])),
            Info(name: "seed", type: Info.typeFloat64, domain: .discrete([.number(5)])),
        ]
        for index in 0..<3 { expected[index].differs = true }
        #expect(sweep.hparamInfos == expected)
        #expect(
            try Sweep(logDirectory: "r", name: "s", settings: [["lr": 0.1], ["lr": 0.01]], seeds: [2, 1]).hparamInfos
                .map(\.domain) == [.discrete([.number(0.01), .number(0.1)]), .discrete([.number(1), .number(2)])]
        )
    }

    @Test(
        arguments: [
            (
                "", [["lr": 0.1]], [1], [:],
                "Sweep: name must be one directory name (not empty, '.' or '..', without '/'). Received: name=''"
            ),
            (
                "a/b", [["lr": 0.1]], [1], [:],
                "Sweep: name must be one directory name (not empty, '.' or '..', without '/'). Received: name='a/b'"
            ),
            ("s", [], [1], [:], "Sweep: settings must hold at least one setting. Received: settings=[]"),
            ("s", [["lr": 0.1]], [], [:], "Sweep: seeds must hold at least one seed, each once. Received: seeds=[]"),
            (
                "s", [["lr": 0.1]], [1, 1], [:],
                "Sweep: seeds must hold at least one seed, each once. Received: seeds=[1, 1]"
            ),
            (
                "s", [["seed": 3]], [1], [:],
                "Sweep: settings must not name 'seed', which the sweep adds from seeds. Received: settings=[\"seed\"]"
            ),
            (
                "s", [["lr": Double.nan]], [1], [:],
                "Sweep: settings must hold finite numbers. Received: settings=lr=nan"
            ),
            (
                "s", [["lr": 0.1], ["lr": 0.1]], [1], [:],
                "Sweep: settings must give every trial a different name of at most 255 bytes. Received: settings=lr-0.1_seed-1"
            ),
            (
                "s", [["opt": "sgd"], ["opt": 1]], [1], [:],
                "Sweep: settings must give each hyperparameter values of one kind (numbers, strings or Booleans). Received: settings=opt=[\"sgd\", \"1.0\"]"
            ),
            (
                "s", [["lr": 0.1]], [1], ["momentum": .interval(min: 0, max: 1)],
                "Sweep: domains must name hyperparameters of the settings or 'seed' ([\"lr\", \"seed\"]). Received: domains=momentum"
            ),
            (
                "s", [["lr": 2.0]], [1], ["lr": .interval(min: 0, max: 1)],
                "Sweep: domains must hold every value the settings give 'lr'. Received: domains=lr=2.0"
            ),
        ]
            as [(
                String, [[String: any HParamConvertible]], [Int],
                [String: HParamsPluginData.Experiment.HParamInfo.Domain], String
            )]
    )
    func badSweepsAreRefusedNamingWhatWasReceived(
        name: String,
        settings: [[String: any HParamConvertible]],
        seeds: [Int],
        domains: [String: HParamsPluginData.Experiment.HParamInfo.Domain],
        message: String
    ) {
        #expect {
            _ = try Sweep(logDirectory: "runs", name: name, settings: settings, seeds: seeds, domains: domains)
        } throws: { error in
            (error as? ConfigurationError)?.description == message
        }
    }

    @Test func aSweepWritesOneExperimentAtItsRootAndOneSessionPerTrial() throws {
        let sweep = try Sweep(
            logDirectory: directory.path,
            name: "sweep",
            settings: Sweep.grid(["lr": [0.5, 0.25]]),
            seeds: [1, 2],
            monitoredMetrics: ["val_loss"]
        )
        try sweep.writeExperiment()
        for trial in sweep.trials {
            let trainer = Trainer(callbacks: [TensorBoardLogger(trial: trial)])
            try trainer.fit(
                epochs: 2,
                trainingBatches: 1,
                trainStep: { epoch, _ in try BatchResult(loss: 1 / Double(epoch + 1), size: 1) },
                validationBatches: 1,
                validationStep: { epoch, _ in try BatchResult(loss: 2 / Double(epoch + 1), size: 1) }
            )
        }
        let log = try Logdir.read(sweep.directory)
        let trialNames = ["lr-0.5_seed-1", "lr-0.5_seed-2", "lr-0.25_seed-1", "lr-0.25_seed-2"]
        #expect(
            Set(log.runs.map(\.name)) == Set(["."] + trialNames.flatMap { [$0, $0 + "/train", $0 + "/validation"] })
        )
        let experiments = log.runs.filter { !hparams($0, HParamsPluginData.experimentTag).isEmpty }
        #expect(experiments.map(\.name) == ["."])
        guard case .experiment(let experiment)? = hparams(log.run(named: "."), HParamsPluginData.experimentTag).first
        else {
            Issue.record("no experiment at the sweep's root")
            return
        }
        #expect(experiment.hparamInfos.map(\.name) == ["lr", "seed"])
        #expect(experiment.hparamInfos.first?.domain == .discrete([.number(0.25), .number(0.5)]))
        #expect(experiment.metricInfos.map { "\($0.group)/\($0.tag)" } == ["validation/epoch_loss", "/best_val_loss"])
        #expect(hparams(log.run(named: "."), HParamsPluginData.sessionStartInfoTag).isEmpty)
        let values: [(lr: Double, seed: Double)] = [(0.5, 1), (0.5, 2), (0.25, 1), (0.25, 2)]
        for (name, value) in zip(trialNames, values) {
            let run = log.run(named: name)
            let starts = hparams(run, HParamsPluginData.sessionStartInfoTag)
            guard starts.count == 1, case .sessionStartInfo(let start)? = starts.first else {
                Issue.record("\(name): \(starts.count) session starts")
                continue
            }
            #expect(start.hparams == ["lr": .number(value.lr), "seed": .number(value.seed)], "\(name)")
            #expect(hparams(run, HParamsPluginData.experimentTag).isEmpty, "\(name)")
            #expect(hparams(run, HParamsPluginData.sessionEndInfoTag).count == 1, "\(name)")
            #expect(run?.scalars("best_val_loss").map(\.value) == [2, 1], "\(name)")
            #expect(log.run(named: name + "/validation")?.scalars("epoch_loss").map(\.value) == [2, 1], "\(name)")
        }
    }

    @Test func aLoggerOutsideASweepStillWritesItsOwnExperiment() throws {
        let logger = TensorBoardLogger(logDirectory: directory.path + "/one", options: .init(hparams: ["lr": 0.1]))
        try Trainer(callbacks: [logger]).fit(
            epochs: 1,
            trainingBatches: 1,
            trainStep: { _, _ in try BatchResult(loss: 1, size: 1) }
        )
        let root = try Logdir.read(directory.path + "/one").run(named: ".")
        #expect(hparams(root, HParamsPluginData.experimentTag).count == 1)
        #expect(hparams(root, HParamsPluginData.sessionStartInfoTag).count == 1)
    }
}

/// The sweep of the DocC "Getting started" article (TensorBoardTraining.docc/GettingStarted.md), run as a test so
/// the article stays true; only the log directory differs.
@Suite struct GettingStartedSweepTests {
    let directory = TemporaryDirectory()

    @Test func theArticlesSweepListsSixTrialsWithTheirSessions() throws {
        let sweep = try Sweep(
            logDirectory: directory.path + "/runs",
            name: "lr-sweep",
            settings: Sweep.grid(["learning_rate": [0.05, 0.2, 0.5]]),
            seeds: [1, 2],
            monitoredMetrics: ["val_loss"]
        )
        try sweep.writeExperiment()
        let points = (0..<200).map { Double($0) / 200 }
        for trial in sweep.trials {
            guard case .number(let learningRate)? = trial.hparams["learning_rate"] else { continue }
            var weight = Double(trial.seed) / 2
            func step(_ batch: ArraySlice<Double>, learns: Bool) throws -> BatchResult {
                var loss = 0.0
                var gradient = 0.0
                for x in batch {
                    loss += (weight * x - 2 * x) * (weight * x - 2 * x)
                    gradient += 2 * (weight * x - 2 * x) * x
                }
                if learns { weight -= learningRate * gradient / Double(batch.count) }
                return try BatchResult(loss: loss / Double(batch.count), size: batch.count)
            }
            let trainer = Trainer(callbacks: [TensorBoardLogger(trial: trial)])
            try trainer.fit(
                epochs: 20,
                trainingBatches: 5,
                trainStep: { _, batch in try step(points[(batch * 32)..<(batch * 32 + 32)], learns: true) },
                validationBatches: 1,
                validationStep: { _, _ in try step(points[160...], learns: false) }
            )
        }
        let log = try Logdir.read(sweep.directory)
        let sessions = log.runs.filter { !hparams($0, HParamsPluginData.sessionStartInfoTag).isEmpty }.map(\.name)
        #expect(
            sessions.sorted() == [
                "learning_rate-0.05_seed-1", "learning_rate-0.05_seed-2", "learning_rate-0.2_seed-1",
                "learning_rate-0.2_seed-2", "learning_rate-0.5_seed-1", "learning_rate-0.5_seed-2",
            ]
        )
        // Every trial learned: its last validation loss is below its first.
        for name in sessions {
            let losses = log.run(named: name + "/validation")?.scalars("epoch_loss").map(\.value) ?? []
            #expect(losses.count == 20 && (losses.last ?? .infinity) < (losses.first ?? 0), "\(name)")
        }
    }
}
