import Testing

@testable import TensorBoardTraining

/// Labels that are not class indices (from a file or a user) never trap: Keras counts them as misses, and
/// scikit-learn leaves out samples whose label is not one of its `labels`.
@Suite struct InvalidLabelTests {
    static let invalidLabels: [Double] = [.nan, .infinity, -.infinity, 1e300, 9.3e18, -1, 2.5, 3, -0.5]

    @Test(arguments: invalidLabels)
    func sparseAccuraciesCountAnInvalidLabelAsAMiss(label: Double) throws {
        let rows: [[Double]] = [[0.1, 0.7, 0.2], [0.6, 0.3, 0.1]]
        for metric in [SparseCategoricalAccuracy(), try SparseTopKCategoricalAccuracy(k: 2)] as [any Metric] {
            metric.update(yTrue: [[label], [0]], yPred: rows)
            // Top-k truncates a fractional label first, as Keras's cast to int32 does: 2.5 is class 2 (a hit
            // among the top 2 of the first row), -0.5 is class 0 (a miss).
            let hit = metric is SparseTopKCategoricalAccuracy && label == 2.5
            #expect(metric.result == (hit ? 1 : 0.5), "\(metric.name) with label \(label)")
        }
    }

    @Test(arguments: invalidLabels)
    func theConfusionMatrixLeavesOutAnInvalidLabel(label: Double) throws {
        let matrix = try ConfusionMatrix(classCount: 3)
        matrix.update(yTrue: [[label], [1], [0]], yPred: [[0.1, 0.7, 0.2], [0.1, 0.7, 0.2], [0.6, 0.3, 0.1]])
        #expect(matrix.counts == [[1, 0, 0], [0, 1, 0], [0, 0, 0]])
        // Scored as scikit-learn scores a label outside `labels`: a wrong prediction of its predicted class.
        #expect(matrix.accuracy == 2.0 / 3)
        #expect(matrix.precision(ofClass: 1) == 0.5 && matrix.recall(ofClass: 1) == 1)
    }

    @Test func theConfusionMatrixLeavesOutEmptyRowsAndPredictionsBeyondItsClasses() throws {
        let matrix = try ConfusionMatrix(classCount: 2)
        matrix.update(yTrue: [[], [1], [0]], yPred: [[0.9], [], [0.1, 0.2, 0.7]])
        #expect(matrix.counts == [[0, 0], [0, 0]])
    }
}
