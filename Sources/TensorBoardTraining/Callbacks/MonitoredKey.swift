// MonitoredKey.swift: checks once that a callback's monitored key is really logged.

/// A logs key a callback watches, checked the first time logs that could hold it arrive: at the first epoch
/// end for a training key, and at the first epoch end with validation logs for a `val_` key (with a validation
/// frequency above 1, earlier epochs have none). A key absent then is reported with
/// ``TrainingContext/fail(_:)`` as ``TrainingError/unknownMonitor(callback:monitor:available:suggestion:)``,
/// naming the nearest logged key, rather than warned about and skipped as Keras does.
struct MonitoredKey {
    /// The callback's type, for the message.
    let callback: String
    /// The key.
    let key: String
    private var checked = false

    /// A key not checked yet.
    init(_ key: String, of callback: String) {
        self.key = key
        self.callback = callback
    }

    /// Checks again at the next epoch end (a new training run).
    mutating func reset() { checked = false }

    /// Reports the key to `context` if these are the first logs that could hold it and they do not.
    /// - Returns: Whether the key is absent and was reported now.
    @discardableResult
    mutating func check(_ logs: TrainingLogs, context: TrainingContext) -> Bool {
        guard !checked else { return false }
        if key.hasPrefix("val_") && !logs.keys.contains(where: { $0.hasPrefix("val_") }) { return false }
        checked = true
        guard logs[key] == nil else { return false }
        let (available, suggestion) = nearestKeys(to: key, in: logs)
        context.fail(
            .unknownMonitor(callback: callback, monitor: key, available: available, suggestion: suggestion)
        )
        return true
    }
}
