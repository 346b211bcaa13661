import Foundation
import TestSupport
import Testing

@testable import TensorBoardTraining

// scikit-learn computes in float64: its values are matched to 1e-12 (summation order).

private func averaging(_ name: String?) -> ConfusionMatrix.Average? {
    switch name {
    case "micro"?: return .micro
    case "macro"?: return .macro
    case "weighted"?: return .weighted
    default: return nil
    }
}

/// Our values for a scikit-learn result, or `nil` when we have no comparison for it (a test failure).
private func ours(_ result: MetricFile.Result, _ testCase: MetricFile.Case, family: String) throws -> [Double]? {
    guard let yTrue = testCase.inputs["y_true"], let yPred = testCase.inputs["y_pred"] else { return nil }
    let weights = testCase.inputs["sample_weight"]?.values
    let labels = family == "binary" ? yTrue.rows : testCase.inputs["labels"]?.rows ?? []
    let classCount = family == "binary" ? 2 : (yPred.shape.last ?? 2)
    let matrix = try ConfusionMatrix(classCount: classCount, threshold: result.number("threshold") ?? 0.5)
    matrix.update(yTrue: labels, yPred: yPred.rows, sampleWeight: weights)
    let perClass = { (score: (Int) -> Double) in (0..<classCount).map(score) }
    let average = result.string("average")
    // Binary precision and recall default to `average="binary"`: the positive class.
    let positiveClass = family == "binary" && (average == nil || average == "binary")
    switch result.metric {
    case "accuracy_score": return [matrix.accuracy]
    case "precision_score" where positiveClass: return [matrix.precision(ofClass: 1)]
    case "recall_score" where positiveClass: return [matrix.recall(ofClass: 1)]
    case "f1_score" where positiveClass: return [matrix.f1(ofClass: 1)]
    case "precision_score":
        return averaging(average).map { [matrix.precision(average: $0)] } ?? perClass(matrix.precision(ofClass:))
    case "recall_score":
        return averaging(average).map { [matrix.recall(average: $0)] } ?? perClass(matrix.recall(ofClass:))
    case "f1_score": return averaging(average).map { [matrix.f1(average: $0)] } ?? perClass(matrix.f1(ofClass:))
    case "confusion_matrix": return Array(matrix.counts.joined())
    case "roc_auc_score": return [AUC.exactROC(labels: yTrue.values, scores: yPred.values, weights: weights) ?? .nan]
    case "average_precision_score":
        return [AUC.averagePrecision(labels: yTrue.values, scores: yPred.values, weights: weights)]
    case "top_k_accuracy_score":
        let metric = try SparseTopKCategoricalAccuracy(
            k: result.number("k").map(Int.init) ?? 2,
            ties: .higherClassFirst
        )
        metric.update(yTrue: labels, yPred: yPred.rows, sampleWeight: weights)
        return [metric.result]
    default: return nil
    }
}

@Suite struct ScikitLearnFixtureTests {
    @Test(arguments: ["binary", "categorical"])
    func matchesScikitLearnExactly(family: String) throws {
        var compared = 0
        for testCase in MetricFile.load(family) {
            for result in testCase.results where result.library == "sklearn" {
                let label = "\(family)/\(testCase.name) \(result.metric) \(result.config)"
                guard let expected = result.value?.values else {
                    // scikit-learn raised (for example on labels outside `labels`): nothing to compare.
                    #expect(result.error != nil, "\(label): no value and no error")
                    continue
                }
                guard let ours = try ours(result, testCase, family: family) else {
                    Issue.record("\(label): no comparison for scikit-learn's \(result.metric)")
                    continue
                }
                #expect(
                    ours.count == expected.count && zip(ours, expected).allSatisfy(matchesFloat64),
                    "\(label): \(ours) vs \(expected)"
                )
                compared += 1
            }
        }
        #expect(compared == (family == "binary" ? 175 : 74))  // every recorded value (sklearn raised on one)
    }

    @Test func matchesScikitLearnRegressionErrors() {
        var compared = 0
        for testCase in MetricFile.load("regression") {
            guard let yTrue = testCase.inputs["y_true"], let yPred = testCase.inputs["y_pred"] else { continue }
            for result in testCase.results where result.library == "sklearn" {
                let metric: any Metric
                switch result.metric {
                case "mean_absolute_error": metric = MeanAbsoluteError()
                case "mean_squared_error": metric = MeanSquaredError()
                default:
                    Issue.record("\(testCase.name): no comparison for scikit-learn's \(result.metric)")
                    continue
                }
                metric.update(
                    yTrue: yTrue.rows,
                    yPred: yPred.rows,
                    sampleWeight: testCase.inputs["sample_weight"]?.values
                )
                #expect(
                    matchesFloat64(metric.result, result.value?.values.first ?? .nan),
                    "\(testCase.name) \(result.metric)"
                )
                compared += 1
            }
        }
        #expect(compared == 6)
    }

    @Test func topKTieBreakingIsKerassOrScikitLearns() throws {
        // The "ties" case has scores tied across the top-3 boundary: Keras counts them for the label,
        // scikit-learn ranks the higher class index first, and the two libraries disagree.
        let testCase = try #require(MetricFile.load("categorical").first { $0.name == "ties" })
        let labels = try #require(testCase.inputs["labels"]?.rows)
        let scores = try #require(testCase.inputs["y_pred"]?.rows)
        let keras = try SparseTopKCategoricalAccuracy(k: 3)
        let scikitLearn = try SparseTopKCategoricalAccuracy(k: 3, ties: .higherClassFirst)
        keras.update(yTrue: labels, yPred: scores)
        scikitLearn.update(yTrue: labels, yPred: scores)
        #expect(keras.result == 11.0 / 12 && scikitLearn.result == 9.0 / 12)
    }
}
