// EventFileName.swift: how event files are named, and how to recognise one.

import Synchronization

/// Names of event files: `events.out.tfevents.<secs>.<host>.<pid>.<n><suffix>`, as TensorBoard's own Python
/// writer names them.
///
/// `<secs>` is whole seconds since the epoch padded to ten digits, so that sorting names sorts files by time;
/// `<n>` counts files created by this process, so several writers in one process, even in the same second,
/// never pick the same name.
package enum EventFileName {
    /// The substring that makes a file an event file for TensorBoard's run discovery.
    package static let marker = "tfevents"
    /// The prefix every name this package writes starts with.
    package static let prefix = "events.out.tfevents."

    private static let counter = Atomic<Int>(0)

    /// A fresh file name for this process, host and the current time.
    /// - Parameter suffix: Appended as is (for example `".v2"`); empty by default.
    /// - Returns: The name; each call in a process uses a new `<n>`.
    package static func make(suffix: String = "") -> String {
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
    package static func make(time: Double, hostName: String, processID: Int32, suffix: String) -> String {
        let number = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        let seconds = time.isFinite ? max(0, Int64(time.rounded(.down))) : 0
        let digits = String(seconds)
        let padded = String(repeating: "0", count: max(0, 10 - digits.count)) + digits
        return "\(prefix)\(padded).\(hostName).\(processID).\(number)\(suffix)"
    }

    /// A fresh file name for this process and host that sorts after every event file name in `existing`, so
    /// that TensorBoard, which reads a run's files in name order, reads the new file last.
    ///
    /// The name carries the current time unless an existing name of this form sorts after it (a file from the
    /// same second with a larger host, process id or counter, or from a clock that ran ahead); then its seconds
    /// are those of the latest existing name plus one.
    /// - Parameters:
    ///   - existing: Base names of the files already in the run directory; files that are not event files are
    ///     ignored.
    ///   - suffix: Appended as is (for example `".v2"`); empty by default.
    /// - Returns: The name; each call in a process uses a new `<n>`.
    package static func make(sortingAfter existing: some Sequence<String>, suffix: String = "") -> String {
        let hostName = SystemCalls.hostName()
        let processID = SystemCalls.processID()
        let name = make(time: SystemCalls.currentTime(), hostName: hostName, processID: processID, suffix: suffix)
        let latest = existing.filter(isEventFile).max { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard let latest, !latest.utf8.lexicographicallyPrecedes(name.utf8), let seconds = seconds(of: latest),
            seconds < 9_999_999_999
        else { return name }
        return make(time: Double(seconds + 1), hostName: hostName, processID: processID, suffix: suffix)
    }

    /// The `<secs>` of a name of the form `events.out.tfevents.<secs>.…`, or `nil` for another form.
    static func seconds(of name: String) -> Int64? {
        guard name.hasPrefix(prefix) else { return nil }
        let digits = name.utf8.dropFirst(prefix.utf8.count).prefix {
            $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")
        }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        return Int64(String(decoding: digits, as: UTF8.self))
    }

    /// Whether TensorBoard treats a file with this base name as an event file: the name contains `tfevents`.
    /// - Parameter name: A file's base name.
    package static func isEventFile(_ name: String) -> Bool {
        name.contains(marker)
    }
}
