// CommandContext.swift: what a command writes to: standard output, standard error, the damage flag.

import TensorBoardEvents

/// Where a command writes, and what it has found wrong along the way.
final class CommandContext {
    /// Standard output.
    let output: TextSink
    /// Standard error.
    let errors: TextSink
    /// Whether damaged data was met (the exit status is then 1).
    var foundDamage = false
    /// How far long reads have got, shown when standard error is a terminal (`nil` otherwise).
    let progress: ReadProgress?
    /// The diagnostics held back, or `nil` when they are written at once (see ``holdingDiagnostics(stopping:)``).
    private var held: [Diagnostic]?
    /// Whether whoever reads this context's held diagnostics has stopped (see ``holdingDiagnostics(stopping:)``).
    private var isStopped: (() -> Bool)?

    /// Creates a context.
    /// - Parameters:
    ///   - output: Standard output.
    ///   - errors: Standard error.
    ///   - progress: Where readers report how far they have got, or `nil`.
    init(output: TextSink, errors: TextSink, progress: ReadProgress? = nil) {
        self.output = output
        self.errors = errors
        self.progress = progress
    }

    /// A context for a reading thread: the same output and error streams, but its diagnostics are held until
    /// ``takeHeldDiagnostics()`` hands them to the thread that writes the output, which reports them with
    /// ``report(_:)`` once the rows read before them are written (and not at all once the output is gone).
    /// - Parameter stopping: Whether that thread has stopped taking what this one reads: the context then counts
    ///   as one whose output is closed, so that reading ends at its next check.
    func holdingDiagnostics(stopping: @escaping () -> Bool) -> CommandContext {
        let context = CommandContext(output: output, errors: errors, progress: progress)
        context.held = []
        context.isStopped = stopping
        return context
    }

    /// The diagnostics held since the last call, oldest first.
    func takeHeldDiagnostics() -> [Diagnostic] {
        guard let taken = held, !taken.isEmpty else { return [] }
        held = []
        return taken
    }

    /// Whether diagnostics are held that ``takeHeldDiagnostics()`` has not taken yet.
    var hasHeldDiagnostics: Bool { held?.isEmpty == false }

    /// Reports a diagnostic as ``reportDamage(_:)`` or ``note(_:)`` does.
    func report(_ diagnostic: Diagnostic) {
        if held != nil {
            held?.append(diagnostic)
            return
        }
        switch diagnostic {
        case .damage(let message):
            foundDamage = true
            errors.write("warning: \(TerminalSafety.escaped(message))\n")
        case .note(let message):
            errors.write("note: \(TerminalSafety.escaped(message))\n")
        }
    }

    /// Reports a problem with the data on standard error, as `warning: ...`, and remembers it for the exit status.
    /// Control characters (from paths, run names, tags) are shown escaped.
    func reportDamage(_ message: String) {
        report(.damage(message))
    }

    /// Whether standard output can no longer be written (a closed pipe, a full disk): reading then stops, since
    /// nothing more can be shown. A reading thread's context also counts as closed once its consumer stopped.
    var isOutputClosed: Bool { output.writeError != nil || isStopped?() == true }

    /// Tells the user something about the output on standard error, as `note: ...` (the exit status is unchanged).
    /// Control characters (from paths, run names, tags) are shown escaped.
    func note(_ message: String) {
        report(.note(message))
    }
}
