// FollowState.swift: keeps reading files as they grow, for `--follow`.

import Synchronization
import TensorBoardEvents

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Set when the user presses Ctrl-C during `--follow`, so the command can flush its output and exit cleanly.
let interruptRequested = Atomic<Bool>(false)

/// An open reader of one file, kept between polls so it resumes after a partly written record.
final class OpenFile {
    var reader: EventFileReader
    let path: String
    var recordIndex = 0

    init(path: String) throws {
        self.reader = try EventFileReader(path: path)
        self.path = path
    }
}

/// How `--follow` polls.
struct FollowOptions {
    /// Seconds between polls.
    var interval: Double = 0.5
    /// Stop after this many seconds (tests); forever when `nil`.
    var timeout: Double?

    static let valueOptions: Set<String> = ["--interval", "--follow-timeout"]

    init(_ arguments: ArgumentList) throws(UsageError) {
        if let text = arguments.value("--interval") {
            guard let value = Double(text), value > 0 else {
                throw UsageError("--interval takes a positive number of seconds. Received: \(text)")
            }
            interval = value
        }
        if let text = arguments.value("--follow-timeout") {
            guard let value = Double(text), value >= 0 else {
                throw UsageError("--follow-timeout takes seconds. Received: \(text)")
            }
            timeout = value
        }
    }

    /// Polls: calls `poll` until interrupted (Ctrl-C) or the timeout passes, sleeping between calls.
    func run(_ poll: () throws -> Void) throws {
        signal(SIGINT) { _ in interruptRequested.store(true, ordering: .relaxed) }
        defer { signal(SIGINT, SIG_DFL) }
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        while !interruptRequested.load(ordering: .relaxed) {
            try poll()
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let elapsed = Double(now.tv_sec - start.tv_sec) + Double(now.tv_nsec - start.tv_nsec) * 1e-9
            if let timeout, elapsed >= timeout { break }
            usleep(useconds_t(interval * 1e6))
        }
        try poll()
    }
}
