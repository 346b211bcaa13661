import Foundation
import TestSupport
import Testing

@testable import TensorBoardTraining

/// fixtures/callbacks/csv_logger.json: scripted logs fed to Keras's CSVLogger, and the file after each run.
private struct CSVLoggerCase: Decodable {
    struct Run: Decodable {
        struct Epoch: Decodable {
            var epoch: Int
            var logs: [[String]]  // [key, float64 bit pattern in hex]

            var trainingLogs: TrainingLogs {
                var result: TrainingLogs = [:]
                for pair in logs where pair.count == 2 {
                    result[pair[0]] = UInt64(pair[1], radix: 16).map(Double.init(bitPattern:)) ?? .nan
                }
                return result
            }
        }

        var append: Bool
        var epochs: [Epoch]
    }

    var name: String
    var separator: String
    var runs: [Run]
    var csvAfterEachRun: [String]

    enum CodingKeys: String, CodingKey {
        case name, separator, runs
        case csvAfterEachRun = "csv_after_each_run"
    }
}

/// fixtures/callbacks/fit_logs.json: what a real Keras `fit` showed of its logs.
private struct FitLogs: Decodable {
    var epochs: Int
    var stepsPerEpoch: Int
    var validationFrequency: Int
    var progressMetricNames: [[String]]
    var historyKeys: [String]
    var csvHeader: [String]
    var csvNAColumns: [[String]]

    enum CodingKeys: String, CodingKey {
        case epochs
        case stepsPerEpoch = "steps_per_epoch"
        case validationFrequency = "validation_freq"
        case progressMetricNames = "progress_metric_names"
        case historyKeys = "history_keys"
        case csvHeader = "csv_header"
        case csvNAColumns = "csv_na_columns"
    }
}

private struct FixtureFile<Case: Decodable>: Decodable {
    var cases: [Case]
}

private func load<T: Decodable>(_ name: String, as type: T.Type) throws -> [T] {
    let url = URL(fileURLWithPath: packageRoot + "/fixtures/callbacks/\(name).json")
    return try JSONDecoder().decode(FixtureFile<T>.self, from: Data(contentsOf: url)).cases
}

private func contents(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}

@Suite struct KerasLogCompatibilityTests {
    let directory = TemporaryDirectory()

    /// Runs one scripted run through our CSVLogger.
    private func log(_ run: CSVLoggerCase.Run, to path: String, separator: Character) {
        let context = TrainingContext(epochs: 10, warn: { Issue.record("warning: \($0)") })
        let logger = CSVLogger(path: path, separator: separator, append: run.append)
        logger.trainingWillBegin(context: context)
        for epoch in run.epochs { logger.epochDidEnd(epoch.epoch, logs: epoch.trainingLogs, context: context) }
        logger.trainingDidEnd(logs: [:], context: context)
    }

    @Test func csvLoggerWritesKerassBytesAndContinuesAKerasFile() throws {
        let cases = try load("csv_logger", as: CSVLoggerCase.self)
        #expect(cases.count == 3)
        for testCase in cases {
            let separator = try #require(testCase.separator.first)
            let ours = directory.path + "/\(testCase.name).csv"
            let continued = directory.path + "/\(testCase.name)-keras.csv"
            for (index, run) in testCase.runs.enumerated() {
                // Our file throughout, and Keras's file of the previous run continued by us.
                log(run, to: ours, separator: separator)
                #expect(contents(ours) == testCase.csvAfterEachRun[index], "\(testCase.name) run \(index)")
                if index > 0 {
                    writeFile(Array(testCase.csvAfterEachRun[index - 1].utf8), to: continued)
                    log(run, to: continued, separator: separator)
                    #expect(contents(continued) == testCase.csvAfterEachRun[index], "\(testCase.name) run \(index)")
                }
            }
        }
    }

    /// Trains the fixture's shape (4 epochs of 4 steps, validation every 2 epochs) with ReduceLROnPlateau,
    /// CSVLogger and a one-line-per-epoch progress bar.
    @Test func aFitShowsTheSameLogsAsKerasFit() throws {
        let keras = try #require(try load("fit_logs", as: FitLogs.self).first)
        let path = directory.path + "/fit.csv"
        var progress = ""
        var learningRate = 0.1
        let trainer = Trainer(
            metrics: { [BinaryAccuracy()] },
            callbacks: [
                ProgressBar(live: false) { progress += $0 },
                try ReduceLROnPlateau(monitor: "loss", patience: 1), CSVLogger(path: path),
            ]
        )
        let history = try trainer.fit(
            epochs: keras.epochs,
            trainingBatches: keras.stepsPerEpoch,
            trainStep: { epoch, batch in
                try BatchResult(loss: 1 / Double(epoch * 4 + batch + 1), yTrue: [[1], [0]], yPred: [[0.9], [0.6]])
            },
            validationBatches: 1,
            validationStep: { _, _ in try BatchResult(loss: 0.5, yTrue: [[1]], yPred: [[0.7]]) },
            validationFrequency: keras.validationFrequency,
            model: ModelHooks(learningRate: { learningRate }, setLearningRate: { learningRate = $0 })
        )
        // The progress lines name the metrics in Keras's order: training by name, validation, learning_rate.
        let lines = progress.split(separator: "\n")
        #expect(lines.count == keras.epochs)
        for (line, expected) in zip(lines, keras.progressMetricNames) {
            // As the fixture script reads Keras's lines: the `name` of each ` - name: value`.
            let names = line.split(separator: " - ").filter { $0.contains(": ") }.compactMap {
                $0.split(separator: ":").first
            }
            #expect(names.map(String.init) == expected, "\(line)")
        }
        // History and the CSV have Keras's learning_rate (and, in the CSV, val_learning_rate of NA).
        #expect(Set(history.metricNames) == Set(keras.historyKeys))
        #expect(history.values(of: "learning_rate").allSatisfy { $0 != nil })
        let rows = contents(path).components(separatedBy: "\r\n").filter { !$0.isEmpty }.map {
            $0.components(separatedBy: ",")
        }
        #expect(rows.first == keras.csvHeader)
        let naColumns = rows.dropFirst().map { row in zip(keras.csvHeader, row).filter { $0.1 == "NA" }.map(\.0) }
        #expect(naColumns == keras.csvNAColumns)
    }
}
