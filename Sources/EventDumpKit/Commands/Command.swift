// Command.swift: what every eventdump subcommand provides.

import TensorBoardEvents

/// Where a command writes, and what it has found wrong along the way.
public final class CommandContext {
    /// Standard output.
    public let output: TextSink
    /// Standard error.
    public let errors: TextSink
    /// Whether damaged data was met (the exit status is then 1).
    public var foundDamage = false

    /// Creates a context.
    /// - Parameters:
    ///   - output: Standard output.
    ///   - errors: Standard error.
    public init(output: TextSink, errors: TextSink) {
        self.output = output
        self.errors = errors
    }

    /// Reports a problem with the data on standard error, as `warning: ...`, and remembers it for the exit status.
    /// Control characters (from paths, run names, tags) are shown escaped.
    public func reportDamage(_ message: String) {
        foundDamage = true
        errors.write("warning: \(TerminalSafety.escaped(message))\n")
    }

    /// Whether standard output can no longer be written (a closed pipe, a full disk): reading then stops, since
    /// nothing more can be shown.
    public var isOutputClosed: Bool { output.writeError != nil }

    /// Tells the user something about the output on standard error, as `note: ...` (the exit status is unchanged).
    /// Control characters (from paths, run names, tags) are shown escaped.
    public func note(_ message: String) {
        errors.write("note: \(TerminalSafety.escaped(message))\n")
    }
}

/// Thrown by the reading loops once standard output can no longer be written, to stop reading.
struct OutputClosed: Error {}

/// An `eventdump` subcommand.
protocol Command: Sendable {
    /// The subcommand's name.
    static var name: String { get }
    /// One line saying what it does.
    static var abstract: String { get }
    /// The full help text.
    static var help: String { get }
    /// Parses the arguments after the subcommand and runs.
    /// - Throws: ``UsageError`` for bad arguments; other errors are failures (exit status 1).
    static func run(_ arguments: [String], context: CommandContext) throws
}
