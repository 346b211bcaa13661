// FollowState.swift: what `--follow` keeps between polls: how to poll, problems already told.

import Synchronization
import TensorBoardEvents

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Set when the user presses Ctrl-C during `--follow`, so the command can flush its output and exit cleanly.
let interruptRequested = Atomic<Bool>(false)

/// How `--follow` polls.
struct FollowOptions {
    /// Seconds between polls.
    var interval: Double = 0.5
    /// Stop after this many seconds; follow until Ctrl-C when `nil`.
    var timeout: Double?

    static let valueOptions: Set<String> = ["--interval", "--follow-timeout"]

    /// The help lines for the options.
    static let help = """
          --interval <seconds>    Seconds between reads with --follow (more than 0, at most 3600). (default: 0.5)
          --follow-timeout <seconds>
                                  Stop following after this many seconds. (default: follow until Ctrl-C)
        """

    init(_ arguments: ArgumentList) throws(UsageError) {
        if let text = arguments.value("--interval") {
            guard let value = Double(text), value > 0, value <= 3600 else {
                throw UsageError("--interval takes a number of seconds above 0 and at most 3600. Received: \(text)")
            }
            interval = value
        }
        if let text = arguments.value("--follow-timeout") {
            guard let value = Double(text), value.isFinite, value >= 0 else {
                throw UsageError("--follow-timeout takes a number of seconds, 0 or more. Received: \(text)")
            }
            timeout = value
        }
    }

    /// Polls: calls `poll` until it returns `false` (the command has stopped, as `--strict` does at damage), the
    /// user presses Ctrl-C, standard output can no longer be written, or the timeout passes, waiting
    /// `interval` between calls. After Ctrl-C or the timeout, polls once more so nothing already written is left
    /// out. While it waits, a pipe or socket on standard output is watched (``FollowWait``), so that following
    /// ends at once when its reader goes away, even if the log stays idle.
    /// - Throws: What `poll` throws; ``OutputClosed`` when standard output's reader went away during a wait
    ///   (the command then ends as it does on a closed pipe).
    func run(context: CommandContext, _ poll: () throws -> Bool) throws {
        signal(SIGINT) { _ in interruptRequested.store(true, ordering: .relaxed) }
        defer { signal(SIGINT, SIG_DFL) }
        let wait = FollowWait(output: context.output)
        let start = Self.now()
        while true {
            guard try poll() else { return }
            context.output.flush()
            if context.isOutputClosed { return }
            if interruptRequested.load(ordering: .relaxed) { break }
            if let timeout, Self.now() - start >= timeout { break }
            guard wait.wait(interval) else { throw OutputClosed() }
        }
        _ = try poll()
    }

    /// Seconds on the monotonic clock.
    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}

/// The problems `--follow` has told the user about, so that one that persists (an unreadable file, a directory
/// that cannot be listed, a failing read) is reported once rather than on every poll.
struct FollowProblems {
    private var reported: Set<String> = []

    /// Reports `message` as damage unless it was reported before.
    mutating func report(_ message: String, context: CommandContext) {
        guard reported.insert(message).inserted else { return }
        context.reportDamage(message)
    }
}
