// ConfusionMatrix+Averages.swift: precision, recall and F1 over all classes, averaged as scikit-learn does.

extension ConfusionMatrix {
    /// Precision over all classes (scikit-learn's `precision_score(average:)`).
    public func precision(average: Average) -> Double {
        let correct = (0..<classCount).reduce(0) { $0 + counts[$1][$1] }
        switch average {
        case .micro: return divideNoNaN(correct, predictedTotals.reduce(0, +))
        case .macro, .weighted: return averaged(average) { precision(ofClass: $0) }
        }
    }

    /// Recall over all classes (scikit-learn's `recall_score(average:)`).
    public func recall(average: Average) -> Double {
        let correct = (0..<classCount).reduce(0) { $0 + counts[$1][$1] }
        switch average {
        case .micro: return divideNoNaN(correct, trueTotals.reduce(0, +))
        case .macro, .weighted: return averaged(average) { recall(ofClass: $0) }
        }
    }

    /// F1 over all classes (scikit-learn's `f1_score(average:)`): for `.micro`, the F1 of the micro precision
    /// and recall; otherwise the mean of the per-class F1.
    public func f1(average: Average) -> Double {
        switch average {
        case .micro: return f1(precision: precision(average: .micro), recall: recall(average: .micro))
        case .macro, .weighted: return averaged(average) { f1(ofClass: $0) }
        }
    }

    /// The per-class scores' mean: plain (`.macro`) or weighted by each class's true samples (`.weighted`).
    private func averaged(_ average: Average, _ score: (Int) -> Double) -> Double {
        if average == .weighted {
            let total = trueTotals.reduce(0, +)
            return divideNoNaN((0..<classCount).reduce(0) { $0 + score($1) * trueTotals[$1] }, total)
        }
        return (0..<classCount).reduce(0) { $0 + score($1) } / Double(classCount)
    }
}
