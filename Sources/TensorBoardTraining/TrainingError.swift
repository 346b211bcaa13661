// TrainingError.swift: what stops a training run because a callback cannot do what it was asked.

/// A callback cannot do what it was configured to do, found once training shows what the logs and the model
/// really are. A callback reports it with ``TrainingContext/fail(_:)``; ``Trainer`` throws it once the hook
/// returns (after every callback's `trainingDidEnd`), so a misconfigured run ends instead of going on silently.
public enum TrainingError: Swift.Error, Sendable, Equatable, CustomStringConvertible {
    /// A monitored key is not among the keys the loop logged (checked the first time logs that could hold it
    /// are seen).
    case unknownMonitor(callback: String, monitor: String, available: [String], suggestion: String?)
    /// A checkpoint file-name template names a key the epoch's logs lack (Keras raises `KeyError` then too).
    case unknownTemplateKey(key: String, template: String, available: [String], suggestion: String?)
    /// Best weights cannot be kept or put back, for the reason given.
    case weightsNotRestorable(String)
    /// A backup could not be made (``BackupAndRestore``): at `path`, for `reason`. Training stops, keeping the
    /// previous backup.
    case backupFailed(path: String, reason: String)
    /// A backup could not be read back: the file at `path` is damaged, is not a backup, or does not fit the
    /// callbacks or the model, for `reason`. Training does not start, and the file is left as it is.
    case backupUnreadable(path: String, reason: String)

    /// What is wrong, what was received, and the nearest logged key when one is close.
    public var description: String {
        switch self {
        case .unknownMonitor(let callback, let monitor, let available, let suggestion):
            return
                "\(callback): monitor '\(monitor)' is not among the logged keys (\(available.joined(separator: ", ")))"
                + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .unknownTemplateKey(let key, let template, let available, let suggestion):
            return "ModelCheckpoint: the file name template names '\(key)', which is not among the logged keys ("
                + available.joined(separator: ", ") + ")" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                + ". Received: template=\(template)"
        case .weightsNotRestorable(let reason):
            return reason
        case .backupFailed(let path, let reason):
            return "BackupAndRestore could not back up to \(path): \(reason)"
        case .backupUnreadable(let path, let reason):
            return "BackupAndRestore cannot resume from \(path): \(reason)"
        }
    }
}

/// The logged keys sorted nearest first (by edit distance from `key`, then in Keras's order), and the nearest
/// one when it is close enough to be a likely typo (at most a third of the key's length, and at least 2, edits
/// away).
func nearestKeys(to key: String, in logs: TrainingLogs) -> (sorted: [String], suggestion: String?) {
    let ordered = logs.orderedMetricNames
    let distances = ordered.map { editDistance(key, $0) }
    let sorted = zip(ordered, distances).enumerated()
        .sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }
        .map(\.element.0)
    guard let nearest = sorted.first, editDistance(key, nearest) <= max(2, key.count / 3) else {
        return (sorted, nil)
    }
    return (sorted, nearest)
}

/// The Levenshtein distance between two strings, in characters: the fewest insertions, deletions and
/// substitutions that turn one into the other.
func editDistance(_ first: String, _ second: String) -> Int {
    let a = Array(first)
    let b = Array(second)
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
        var current = [i + 1] + Array(repeating: 0, count: b.count)
        for (j, y) in b.enumerated() {
            current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
