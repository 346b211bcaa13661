// CallbackFixtures.swift: fixtures/callbacks/*.json, scripted metric sequences fed to real Keras callbacks
// (scripts/make_training_fixtures.py), for the rule tests and the callback tests alike.

import Foundation

/// A number list as the fixtures store it: float64 bit patterns in `hex`, or integers in `int`.
public struct FixtureNumbers: Decodable, Sendable {
    /// Float64 bit patterns, 16 hex digits each.
    public var hex: [String]?
    /// Integers.
    public var int: [Int64]?

    /// The numbers as doubles (a malformed bit pattern is left out).
    public var doubles: [Double] {
        if let hex { return hex.compactMap { UInt64($0, radix: 16).map(Double.init(bitPattern:)) } }
        return (int ?? []).map(Double.init)
    }
}

/// One scripted case: a callback's configuration, the monitored sequence, and what Keras decided.
public struct CallbackCase: Decodable, Sendable {
    /// The case's name.
    public var name: String
    /// Every constructor argument, defaults filled in.
    public var config: [String: ConfigValue]
    /// The monitored logs key.
    public var monitor: String
    /// The optimizer's learning rate before the first epoch.
    public var initialLearningRate: FixtureNumbers
    /// The monitored value per epoch.
    public var sequence: FixtureNumbers
    /// The epoch (from 0) after which Keras set `stop_training`, if it did.
    public var stoppedEpoch: Int?
    /// How many epochs ran.
    public var epochsRun: Int
    /// `EarlyStopping.best_epoch`.
    public var bestEpoch: Int?
    /// The epoch whose weights `on_train_end` set, if any.
    public var restoredEpoch: Int?
    /// The optimizer's learning rate after each epoch.
    public var learningRateAfterEpoch: FixtureNumbers
    /// The epochs after which ModelCheckpoint saved.
    public var savedEpochs: [Int]

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

    /// A numeric constructor argument, or `nil` when absent or not a number.
    public func number(_ key: String) -> Double? {
        if case .number(let value)? = config[key] { return value }
        return nil
    }

    /// A Boolean constructor argument; `false` when absent.
    public func bool(_ key: String) -> Bool {
        if case .bool(let value)? = config[key] { return value }
        return false
    }

    /// A string constructor argument, or `nil` when absent or not a string.
    public func string(_ key: String) -> String? {
        if case .string(let value)? = config[key] { return value }
        return nil
    }
}

/// A constructor argument as the fixture stores it.
public enum ConfigValue: Decodable, Sendable {
    /// A number.
    case number(Double)
    /// A string.
    case string(String)
    /// A Boolean.
    case bool(Bool)
    /// `null`.
    case null

    /// Decodes a JSON scalar.
    public init(from decoder: Decoder) throws {
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

/// The cases of `fixtures/callbacks/<name>.json` under `root`; empty when the file cannot be read.
public func callbackCases(_ name: String, root: String) -> [CallbackCase] {
    struct File: Decodable { var cases: [CallbackCase] }
    let url = URL(fileURLWithPath: root + "/fixtures/callbacks/\(name).json")
    return (try? JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases) ?? []
}
