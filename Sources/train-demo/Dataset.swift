// Dataset.swift: the digits data set, loaded from CSV and split into training and validation sets.

import Foundation

/// Labelled samples: features scaled to [0, 1], and the class of each.
struct Dataset {
    var features: [[Float]]
    var labels: [Int]
    var classCount: Int

    var count: Int { labels.count }

    /// Reads `fixtures/datasets/digits.csv`: a header, then 64 pixel counts (0-16) and a label per row.
    static func load(csvAt path: String) throws -> Dataset {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var features: [[Float]] = []
        var labels: [Int] = []
        for (number, line) in text.split(separator: "\n").enumerated().dropFirst() {
            let cells = line.split(separator: ",")
            guard cells.count >= 2, let label = Int(cells[cells.count - 1]) else {
                throw DemoError("\(path): line \(number + 1): expected pixel values and a label")
            }
            var row: [Float] = []
            row.reserveCapacity(cells.count - 1)
            for cell in cells.dropLast() {
                guard let value = Float(cell) else {
                    throw DemoError("\(path): line \(number + 1): '\(cell)' is not a number")
                }
                row.append(value / 16)
            }
            features.append(row)
            labels.append(label)
        }
        guard let width = features.first?.count, features.allSatisfy({ $0.count == width }), let maximum = labels.max()
        else {
            throw DemoError("\(path): no samples, or rows of different lengths")
        }
        return Dataset(features: features, labels: labels, classCount: maximum + 1)
    }

    /// A shuffled split: the first `validationShare` of the shuffled samples for validation, the rest for training.
    func split(validationShare: Double, generator: inout SplitMix64) -> (training: Dataset, validation: Dataset) {
        var order = Array(0..<count)
        order.shuffle(using: &generator)
        let validationCount = Int((Double(count) * validationShare).rounded())
        func subset(_ indices: ArraySlice<Int>) -> Dataset {
            Dataset(features: indices.map { features[$0] }, labels: indices.map { labels[$0] }, classCount: classCount)
        }
        return (subset(order.dropFirst(validationCount)), subset(order.prefix(validationCount)))
    }

    /// Sample indices in batches, reshuffled with `generator` when given.
    func batches(of size: Int, shuffledWith generator: inout SplitMix64?) -> [[Int]] {
        var order = Array(0..<count)
        if var random = generator {
            order.shuffle(using: &random)
            generator = random
        }
        return stride(from: 0, to: count, by: size).map { Array(order[$0..<min($0 + size, count)]) }
    }
}

/// A deterministic random generator (SplitMix64), so a seed gives the same run every time.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A failure of the demo, printed as `Error: <message>`.
struct DemoError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
