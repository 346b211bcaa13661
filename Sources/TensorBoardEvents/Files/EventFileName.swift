// EventFileName.swift: how event files are named, and how to recognise one.

import Synchronization

/// Names of event files: `events.out.tfevents.<secs>.<host>.<pid>.<n><suffix>`, as TensorBoard's own Python
/// writer names them.
///
/// `<secs>` is whole seconds since the epoch padded to ten digits, so that sorting names sorts files by time;
/// `<n>` counts files created by this process, so several writers in one process, even in the same second,
/// never pick the same name.
public enum EventFileName {
    /// The substring that makes a file an event file for TensorBoard's run discovery.
    public static let marker = "tfevents"
    /// The prefix every name this package writes starts with.
    public static let prefix = "events.out.tfevents."

    private static let counter = Atomic<Int>(0)

    /// A fresh file name for this process, host and the current time.
    /// - Parameter suffix: Appended as is (for example `".v2"`); empty by default.
    /// - Returns: The name; each call in a process uses a new `<n>`.
    public static func make(suffix: String = "") -> String {
        make(
            time: SystemCalls.currentTime(),
            hostName: SystemCalls.hostName(),
            processID: SystemCalls.processID(),
            suffix: suffix
        )
    }

    /// A fresh file name.
    /// - Parameters:
    ///   - time: Seconds since the epoch (the fraction is dropped).
    ///   - hostName: The host name.
    ///   - processID: The process id.
    ///   - suffix: Appended as is (for example `".v2"`).
    /// - Returns: The name; each call in a process uses a new `<n>`.
    public static func make(time: Double, hostName: String, processID: Int32, suffix: String) -> String {
        let number = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        let seconds = time.isFinite ? max(0, Int64(time.rounded(.down))) : 0
        let digits = String(seconds)
        let padded = String(repeating: "0", count: max(0, 10 - digits.count)) + digits
        return "\(prefix)\(padded).\(hostName).\(processID).\(number)\(suffix)"
    }

    /// Whether TensorBoard treats a file with this base name as an event file: the name contains `tfevents`.
    /// - Parameter name: A file's base name.
    public static func isEventFile(_ name: String) -> Bool {
        name.contains(marker)
    }
}
