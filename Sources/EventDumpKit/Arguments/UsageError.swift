// UsageError.swift: a command line that cannot be run as given.

/// A usage error: bad or missing arguments. The CLI prints it, the usage line and a pointer to `--help`, and
/// exits with status 2.
struct UsageError: Error, Equatable, CustomStringConvertible {
    /// What is wrong.
    var message: String
    /// Whether this is no error but `-h` or `--help`: the CLI then prints the command's help and exits with 0.
    /// It travels as a usage error because the argument parser, which finds it, throws only those.
    var isHelpRequest = false
    /// Creates a usage error.
    init(_ message: String) { self.message = message }

    /// `-h` or `--help` among a command's options.
    static let helpRequested: UsageError = {
        var request = UsageError("help requested")
        request.isHelpRequest = true
        return request
    }()
    /// The message.
    var description: String { message }
}
