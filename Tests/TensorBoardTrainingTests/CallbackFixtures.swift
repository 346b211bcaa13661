import Foundation
import TestSupport

// fixtures/callbacks/*.json: scripted metric sequences fed to real Keras callbacks (scripts/make_training_fixtures.py).

/// A number list as the fixtures store it: float64 bit patterns in `hex`.
struct FixtureNumbers: Decodable {
    var hex: [String]?
    var int: [Int64]?

    var doubles: [Double] {
        if let hex { return hex.compactMap { UInt64($0, radix: 16).map(Double.init(bitPattern:)) } }
        return (int ?? []).map(Double.init)
    }
}

/// One scripted case.
struct CallbackCase: Decodable {
    var name: String
    var config: [String: ConfigValue]
    var monitor: String
    var initialLearningRate: FixtureNumbers
    var sequence: FixtureNumbers
    var stoppedEpoch: Int?
    var epochsRun: Int
    var bestEpoch: Int?
    var restoredEpoch: Int?
    var learningRateAfterEpoch: FixtureNumbers
    var savedEpochs: [Int]

    enum CodingKeys: String, CodingKey {
        case name, config, monitor, sequence
        case initialLearningRate = "initial_lr"
        case stoppedEpoch = "stopped_epoch"
        case epochsRun = "epochs_run"
        case bestEpoch = "best_epoch"
        case restoredEpoch = "restored_epoch"
        case learningRateAfterEpoch = "lr_after_epoch"
        case savedEpochs = "saved_epochs"
    }

    func number(_ key: String) -> Double? {
        if case .number(let value)? = config[key] { return value }
        return nil
    }

    func bool(_ key: String) -> Bool {
        if case .bool(let value)? = config[key] { return value }
        return false
    }

    func string(_ key: String) -> String? {
        if case .string(let value)? = config[key] { return value }
        return nil
    }
}

/// A constructor argument.
enum ConfigValue: Decodable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case null

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }
}

/// The cases of fixtures/callbacks/<name>.json.
func callbackCases(_ name: String, root: String) -> [CallbackCase] {
    struct File: Decodable { var cases: [CallbackCase] }
    let url = URL(fileURLWithPath: root + "/fixtures/callbacks/\(name).json")
    return (try? JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases) ?? []
}
