import Testing

@testable import TensorBoardTraining

/// Labels that are not class indices (from a file or a user) never trap: Keras counts them as misses, and
/// scikit-learn leaves out samples whose label is not one of its `labels`.
@Suite struct InvalidLabelTests {
    static let invalidLabels: [Double] = [.nan, .infinity, -.infinity, 1e300, 9.3e18, -1, 2.5, 3, -0.5]

    @Test(arguments: invalidLabels)
    func sparseAccuraciesCountAnInvalidLabelAsAMiss(label: Double) {
        let rows: [[Double]] = [[0.1, 0.7, 0.2], [0.6, 0.3, 0.1]]
        for metric in [SparseCategoricalAccuracy(), SparseTopKCategoricalAccuracy(k: 3)] as [any Metric] {
            metric.update(yTrue: [[label], [0]], yPred: rows)
            #expect(metric.result == 0.5, "\(metric.name) with label \(label)")
        }
    }

    @Test(arguments: invalidLabels)
    func theConfusionMatrixLeavesOutAnInvalidLabel(label: Double) {
        let matrix = ConfusionMatrix(classCount: 3)
        matrix.update(yTrue: [[label], [1], [0]], yPred: [[0.1, 0.7, 0.2], [0.1, 0.7, 0.2], [0.6, 0.3, 0.1]])
        #expect(matrix.counts == [[1, 0, 0], [0, 1, 0], [0, 0, 0]])
        #expect(matrix.accuracy == 1)
    }

    @Test func theConfusionMatrixLeavesOutEmptyRowsAndPredictionsBeyondItsClasses() {
        let matrix = ConfusionMatrix(classCount: 2)
        matrix.update(yTrue: [[], [1], [0]], yPred: [[0.9], [], [0.1, 0.2, 0.7]])
        #expect(matrix.counts == [[0, 0], [0, 0]])
    }
}
