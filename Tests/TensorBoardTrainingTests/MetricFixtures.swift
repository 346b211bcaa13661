// MetricFixtures.swift: fixtures/metrics/*.json, the values real Keras 3 metrics and scikit-learn gave for
// recorded inputs (scripts/make_training_fixtures.py; its docstring describes the format).

import Foundation
import TestSupport

/// One fixture file.
struct MetricFile: Decodable {
    /// One set of inputs, fed in batches, and every library's results for it.
    struct Case: Decodable {
        var name: String
        var inputs: [String: FixtureTensor]
        var batches: [[Int]]
        var results: [Result]
    }

    /// One library's value for one metric configuration.
    struct Result: Decodable {
        var library: String
        var metric: String
        var config: [String: Config]
        var value: FixtureTensor?
        var error: String?
        var afterEachBatch: [FixtureTensor]?
        var batchLosses: FixtureTensor?
        var input: String?

        enum CodingKeys: String, CodingKey {
            case library, metric, config, value, error, input
            case afterEachBatch = "after_each_batch"
            case batchLosses = "batch_losses"
        }

        /// A numeric configuration entry.
        func number(_ key: String) -> Double? {
            if case .number(let value)? = config[key] { return value }
            return nil
        }

        /// A string configuration entry (`nil` also for JSON `null`).
        func string(_ key: String) -> String? {
            if case .string(let value)? = config[key] { return value }
            return nil
        }
    }

    /// A configuration entry.
    enum Config: Decodable {
        case number(Double)
        case numbers([Double])
        case string(String)
        case other

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let numbers = try? container.decode([Double].self) {
                self = .numbers(numbers)
            } else if let string = try? container.decode(String.self) {
                self = .string(string)
            } else {
                self = .other
            }
        }
    }

    var cases: [Case]

    /// The cases of `fixtures/metrics/<family>.json` (empty when it cannot be read).
    static func load(_ family: String) -> [Case] {
        let url = URL(fileURLWithPath: packageRoot + "/fixtures/metrics/\(family).json")
        return (try? JSONDecoder().decode(MetricFile.self, from: Data(contentsOf: url)).cases) ?? []
    }
}
