// Dataset.swift: the digits data set, loaded from CSV and split into training and validation sets.

import Foundation

/// Labelled samples: features scaled to [0, 1], and the class of each.
struct Dataset {
    var features: [[Float]]
    var labels: [Int]
    var classCount: Int

    var count: Int { labels.count }

    /// The most classes a data file may have (labels `0..<maximumClassCount`), so that a stray label cannot make
    /// the output layer huge.
    static let maximumClassCount = 1000

    /// Reads `fixtures/datasets/digits.csv`: a header, then 64 pixel counts (0-16) and a label per row.
    /// - Throws: ``DemoError`` naming the file and the line for a row that is not finite pixel values followed by
    ///   a whole-number label in `0..<maximumClassCount`, and for rows of different lengths or no rows at all.
    static func load(csvAt path: String) throws -> Dataset {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var features: [[Float]] = []
        var labels: [Int] = []
        var firstLine = 0
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, rawLine) in lines.enumerated().dropFirst() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
            if line.allSatisfy(\.isWhitespace) { continue }
            let (row, label) = try parse(line, at: "\(path): line \(index + 1)")
            if let width = features.first?.count, row.count != width {
                throw DemoError(
                    "\(path): line \(index + 1): \(row.count) pixel values, but line \(firstLine) has \(width)"
                )
            }
            if features.isEmpty { firstLine = index + 1 }
            features.append(row)
            labels.append(label)
        }
        guard let maximum = labels.max() else { throw DemoError("\(path): no samples after the header line") }
        return Dataset(features: features, labels: labels, classCount: maximum + 1)
    }

    /// One data line: pixel values (scaled by 1/16) and the label.
    private static func parse(_ line: Substring, at place: String) throws -> (row: [Float], label: Int) {
        let cells = line.split(separator: ",", omittingEmptySubsequences: false)
        guard cells.count >= 2, let labelText = cells.last else {
            throw DemoError("\(place): expected pixel values and a label, separated by commas")
        }
        guard let label = Int(labelText.trimmingCharacters(in: .whitespaces)), (0..<maximumClassCount).contains(label)
        else {
            throw DemoError(
                "\(place): the label '\(labelText)' is not a whole number from 0 to \(maximumClassCount - 1)"
            )
        }
        var row: [Float] = []
        row.reserveCapacity(cells.count - 1)
        for cell in cells.dropLast() {
            guard let value = Float(cell.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw DemoError("\(place): '\(cell)' is not a finite number")
            }
            row.append(value / 16)
        }
        return (row, label)
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

/// A deterministic random generator (SplitMix64), so a seed gives the same run every time; `Codable`, so a
/// backup keeps where the batch order stands.
struct SplitMix64: RandomNumberGenerator, Codable {
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
