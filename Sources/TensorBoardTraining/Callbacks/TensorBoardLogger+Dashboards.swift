// TensorBoardLogger+Dashboards.swift: the logger's PR curves per class and its train-against-validation layout.

import TensorBoardEvents

extension TensorBoardLogger {
    /// What the Projector shows of an epoch: a vector per example, with its label and image.
    public struct Embedding {
        /// A vector per example, all of one length (a layer's activations, say).
        public var vectors: [[Float]]
        /// A label per example, or none.
        public var labels: [String]?
        /// A square image per example, all of one size, tiled into the Projector's sprite; or none.
        public var images: [PixelImage]?

        /// Creates an embedding.
        /// - Parameters:
        ///   - vectors: A vector per example, all of one length.
        ///   - labels: A label per example, or none.
        ///   - images: A square image per example, all of one size, or none.
        public init(vectors: [[Float]], labels: [String]? = nil, images: [PixelImage]? = nil) {
            self.vectors = vectors
            self.labels = labels
            self.images = images
        }
    }

    /// What the classification dashboards need: the class names, and the validation labels with the predicted
    /// probabilities, asked for when the dashboards are written (a closure, so the loop hands over its last
    /// validation pass without the logger holding every batch).
    public struct Classification {
        /// The name of each class, by index.
        public var classNames: [String]
        /// The true class index of each validation example and its predicted probability per class.
        public var predictions: () -> (labels: [Int], probabilities: [[Double]])

        /// Creates the description.
        /// - Parameters:
        ///   - classNames: The name of each class, by index.
        ///   - predictions: The validation labels (class indices) and predicted probabilities per class.
        public init(classNames: [String], predictions: @escaping () -> (labels: [Int], probabilities: [[Double]])) {
            self.classNames = classNames
            self.predictions = predictions
        }
    }

    /// Writes the dashboards due at the end of `epoch`: the train-against-validation layout after the first
    /// epoch (a chart per training metric, the loss first), and the classification dashboards every
    /// ``Options/classificationFrequency`` epochs and after the last (once per epoch): in the validation run at
    /// step = epoch, a PR curve per class, one against the rest, as `pr_curves/<class>`, and the confusion
    /// matrix of the most probable class as `confusion_matrix` (heat map) and `confusion_matrix_table`.
    /// Examples whose label is not a class index, or whose probabilities are not one per class, are left out.
    func writeDashboards(epoch: Int, logs: TrainingLogs, isLast: Bool) {
        if options.writesTrainValidationLayout, !wroteLayout, let train {
            wroteLayout = true
            // The loss first, as Keras's progress bar shows it, then the metrics by name.
            let metrics = logs.keys.filter { !$0.hasPrefix("val_") && $0 != "learning_rate" }
                .sorted { $1 != "loss" && ($0 == "loss" || $0 < $1) }
            let charts = metrics.map {
                CustomScalarLayout.Chart.multiline($0, tagPatterns: ["^epoch_\(Self.escaped($0))$"])
            }
            attempt {
                try train.customScalarLayout(CustomScalarLayout([.init("train against validation", charts: charts)]))
            }
        }
        guard let classification = options.classification, let validation, classificationEpoch != epoch else { return }
        let frequency = options.classificationFrequency
        guard isLast || (frequency > 0 && epoch % frequency == 0) else { return }
        classificationEpoch = epoch
        let (labels, probabilities) = classification.predictions()
        let classCount = classification.classNames.count
        let usable = zip(labels, probabilities).filter { (0..<classCount).contains($0.0) && $0.1.count == classCount }
        for (index, name) in classification.classNames.enumerated() {
            attempt {
                try validation.prCurve(
                    "pr_curves/" + name,
                    labels: usable.map { $0.0 == index },
                    predictions: usable.map { $0.1[index] },
                    step: epoch
                )
            }
        }
        // The confusion matrix of the most probable class (the first of equals), rows true, columns predicted.
        var counts = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: classCount)
        for (label, row) in usable {
            guard let predicted = row.indices.max(by: { row[$0] < row[$1] || (row[$0] == row[$1] && $0 > $1) })
            else { continue }
            counts[label][predicted] += 1
        }
        attempt {
            try validation.confusionMatrix("confusion_matrix", counts, labels: classification.classNames, step: epoch)
        }
    }

    /// Writes the embedding due at the end of `epoch` (every ``Options/embeddingsFrequency`` epochs and after the
    /// last, once per epoch) into the validation run's directory, for the Projector: tag `embedding`, at the
    /// epoch's step.
    func writeEmbedding(epoch: Int, isLast: Bool) {
        guard let embeddings = options.embeddings, let validation, embeddingEpoch != epoch else { return }
        let frequency = options.embeddingsFrequency
        guard isLast || (frequency > 0 && epoch % frequency == 0) else { return }
        embeddingEpoch = epoch
        let embedding = embeddings()
        attempt {
            try validation.embedding(
                embedding.vectors,
                labels: embedding.labels,
                images: embedding.images,
                tag: "embedding",
                step: epoch
            )
        }
    }

    /// `text` with every character Python's `re` treats specially escaped, so that the pattern matches it as is.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\^$.|?*+()[]{}".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
