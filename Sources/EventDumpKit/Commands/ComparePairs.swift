// ComparePairs.swift: which scalar series of a log are the training and validation sides of one metric.

import TensorBoardEvents

/// A metric's training and validation values by epoch (step), from one pair of series.
struct ComparePair {
    /// The pair's name: the parent of `train/` and `validation/` runs, or the run holding both tags.
    var group: String
    /// The metric's name (the tag without its `epoch_`, `val_` or `train_` marker).
    var metric: String
    var training: [Int64: Double] = [:]
    var validation: [Int64: Double] = [:]
}

/// Finds the pairs: sibling runs `train/` and `validation/` (as Keras writes them: every tag the two share, its
/// `epoch_` prefix dropped from the metric name), or, within one run, a validation tag and its training tag.
///
/// Within a run, a tag is the validation side of a metric when one of its path components (split at `/`)
/// starts with `val_` or `validation_`, or is `val` or `validation`; the training side is the same tag with
/// `train_`/`training_` (or `train`/`training`) instead, or with no marker at all: `val_loss` pairs with
/// `loss`, `metrics/val_loss` with `metrics/loss`, `val/loss` with `train/loss` or `loss`, `loss/val` with
/// `loss/train`.
enum ComparePairs {
    /// The training or validation side of a metric.
    enum Side {
        case training
        case validation
    }

    /// The pairs of the log, sorted by group and metric; pairs with no value on either side are left out.
    static func collect(_ scan: LogScan) throws -> [ComparePair] {
        let runs = try scan.runs()
        let names = Set(runs.map(\.name))
        var pairs: [String: ComparePair] = [:]
        try RunReaders.forEachResult(runs, scan: scan) { run, scan in
            var values: [String: [Int64: Double]] = [:]
            let purged = try scan.forEachScalar(of: run) { tag, step, _, value in
                values[tag, default: [:]][step] = value
            }
            scan.reportPurged(purged, run: run)
            return values
        } consume: { run, values in
            if let (group, side) = siblingRole(of: run.name, among: names) {
                for (tag, series) in values {
                    let metric = tag.hasPrefix("epoch_") ? String(tag.dropFirst(6)) : tag
                    let key = group + "\u{0}" + tag
                    var pair = pairs[key] ?? ComparePair(group: group, metric: metric)
                    if side == .training { pair.training = series } else { pair.validation = series }
                    pairs[key] = pair
                }
            } else {
                for pair in pairsWithinRun(run.name, values) { pairs[run.name + "\u{0}" + pair.metric] = pair }
            }
        }
        return pairs.values.filter { !$0.training.isEmpty && !$0.validation.isEmpty }
            .sorted { ($0.group, $0.metric) < ($1.group, $1.metric) }
    }

    /// For a run named `…/train` or `…/validation` whose sibling exists: the pair's group (the parent run, `.`
    /// for the log directory) and the run's side.
    static func siblingRole(of name: String, among names: Set<String>) -> (group: String, side: Side)? {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard let last = parts.last, last == "train" || last == "validation" else { return nil }
        let group = parts.count == 1 ? "." : parts.dropLast().joined(separator: "/")
        func sibling(_ leaf: String) -> String { group == "." ? leaf : group + "/" + leaf }
        guard names.contains(sibling("train")), names.contains(sibling("validation")) else { return nil }
        return (group, last == "train" ? .training : .validation)
    }

    /// The validation tags of one run paired with their training tags.
    private static func pairsWithinRun(_ run: String, _ values: [String: [Int64: Double]]) -> [ComparePair] {
        var validation: [String: String] = [:]
        var training: [String: String] = [:]
        for tag in values.keys.sorted() {
            guard let (metric, side) = marked(tag) else { continue }
            if side == .validation {
                if validation[metric] == nil { validation[metric] = tag }
            } else if training[metric] == nil {
                training[metric] = tag
            }
        }
        return validation.compactMap { metric, validationTag in
            guard let trainingTag = training[metric] ?? (values[metric] == nil ? nil : metric),
                let trainingValues = values[trainingTag], let validationValues = values[validationTag]
            else { return nil }
            return ComparePair(group: run, metric: metric, training: trainingValues, validation: validationValues)
        }
    }

    /// The metric a tag measures and its side, when one of its path components marks it (the last marked one
    /// counts); `nil` for a tag with no marker.
    static func marked(_ tag: String) -> (metric: String, side: Side)? {
        var components = tag.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let prefixes: [(String, Side)] = [
            ("val_", .validation), ("validation_", .validation), ("train_", .training), ("training_", .training),
        ]
        let words: [String: Side] = [
            "val": .validation, "validation": .validation, "train": .training, "training": .training,
        ]
        for index in components.indices.reversed() {
            let component = components[index]
            if let (prefix, side) = prefixes.first(where: { component.hasPrefix($0.0) && component.count > $0.0.count })
            {
                components[index] = String(component.dropFirst(prefix.count))
                return (components.joined(separator: "/"), side)
            }
            if let side = words[component], components.count > 1 {
                components.remove(at: index)
                return (components.joined(separator: "/"), side)
            }
        }
        return nil
    }
}
