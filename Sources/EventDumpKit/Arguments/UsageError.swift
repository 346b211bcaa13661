// UsageError.swift: a command line that cannot be run as given.

/// A usage error: bad or missing arguments. The CLI prints it, the usage line and a pointer to `--help`, and
/// exits with status 2.
struct UsageError: Error, Equatable, CustomStringConvertible {
    /// What is wrong.
    var message: String
    /// Creates a usage error.
    init(_ message: String) { self.message = message }
    /// The message.
    var description: String { message }
}
