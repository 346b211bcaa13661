// Command.swift: what every eventdump subcommand provides.

import TensorBoardEvents

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
