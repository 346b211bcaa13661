// ThresholdCounts.swift: true/false positive/negative counts at decision thresholds.

/// Weighted true-positive, false-positive, true-negative and false-negative counts at each of a list of
/// thresholds: a prediction is positive when it is above the threshold, compared in 32-bit floats as Keras
/// compares them (so a score of `0.3` is not above a threshold of `0.3`). Every value of every row counts,
/// weighted by its row's sample weight.
struct ThresholdCounts {
    let thresholds: [Double]
    private let float32Thresholds: [Float]
    var truePositives: [Double]
    var falsePositives: [Double]
    var trueNegatives: [Double]
    var falseNegatives: [Double]

    /// Counts at `thresholds`, which a user gave: at least one, each in [0, 1] (as Keras requires).
    /// - Throws: `ConfigurationError` naming `type` otherwise.
    init(validating thresholds: [Double], in type: String) throws(ConfigurationError) {
        guard !thresholds.isEmpty, thresholds.allSatisfy({ (0...1).contains($0) }) else {
            throw ConfigurationError(
                type: type,
                parameter: "thresholds",
                received: "\(thresholds)",
                allowed: "hold at least one threshold, each from 0 to 1"
            )
        }
        self.init(thresholds: thresholds)
    }

    init(thresholds: [Double]) {
        self.thresholds = thresholds
        float32Thresholds = thresholds.map(Float.init)
        truePositives = Array(repeating: 0, count: thresholds.count)
        falsePositives = truePositives
        trueNegatives = truePositives
        falseNegatives = truePositives
    }

    mutating func update(yTrue: [[Double]], yPred: [[Double]], sampleWeight: [Double]?) {
        for row in 0..<min(yTrue.count, yPred.count) {
            let rowWeight = weight(sampleWeight, row)
            for column in 0..<min(yTrue[row].count, yPred[row].count) {
                let isPositive = yTrue[row][column] != 0
                let prediction = Float(yPred[row][column])
                for (index, threshold) in float32Thresholds.enumerated() {
                    switch (prediction > threshold, isPositive) {
                    case (true, true): truePositives[index] += rowWeight
                    case (true, false): falsePositives[index] += rowWeight
                    case (false, true): falseNegatives[index] += rowWeight
                    case (false, false): trueNegatives[index] += rowWeight
                    }
                }
            }
        }
    }

    mutating func reset() {
        self = ThresholdCounts(thresholds: thresholds)
    }
}
