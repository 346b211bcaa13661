// CommonOptions.swift: the options most commands share: format, filters, restarts, strictness.

import TensorBoardEvents

/// The options shared by the table commands.
struct CommonOptions {
    var format: OutputFormat
    var runPattern: NamePattern?
    var tagPattern: NamePattern?
    var steps: ClosedRange<Int64>?
    /// The restart rules applied: TensorBoard's Rust loader's unless `--loader` says otherwise; `nil` with
    /// `--keep-all`.
    var purgeRules: RestartPurge.Rules?
    var isStrict: Bool

    /// Whether every point is kept (`--keep-all`).
    var keepsAll: Bool { purgeRules == nil }

    /// The value options this struct parses.
    static let valueOptions: Set<String> = ["--format", "--run", "--tag", "--steps", "--loader"]
    /// The flag options this struct parses.
    static let flagOptions: Set<String> = ["--keep-all", "--strict"]

    /// The help lines for the shared options, with the command's default format.
    static func helpLines(defaultFormat: String = "text on a terminal, csv otherwise") -> String {
        OutputFormat.helpLine(default: defaultFormat) + "\n" + """
              --run <regex>           Only runs whose name matches (anywhere in the name).
              --tag <regex>           Only tags that match (anywhere in the tag).
              --steps <a:b>           Only steps from a to b (either may be left out: 100:, :500).
              --loader <loader>       Whose restart purging to apply: rust (TensorBoard's default loader, what its
                                      pages show; default), python (--load_fast=false, EventAccumulator, tbparse)
                                      or both (only the points both keep).
              --keep-all              Keep the points TensorBoard drops on restarts (a step going back, SessionLog START).
              --strict                Stop at the first damaged record (exit status 1).
            """
    }

    /// The help lines for the shared options of a command whose default format is text on a terminal and CSV
    /// otherwise.
    static let help = helpLines()

    /// The usage, arguments and options sections of the help of a command that reads a log directory with the
    /// common options and prints a table.
    /// - Parameter command: The command's name.
    static func usage(command: String) -> String {
        """
        USAGE: eventdump \(command) <logdir> [options]

        ARGUMENTS:
          <logdir>                A log directory, or one event file.

        OPTIONS:
        \(help)
          -h, --help              Show help information.

        \(OutputFormat.controlCharactersHelp)
        """
    }

    /// Reads the shared options from parsed arguments.
    init(_ arguments: ArgumentList, defaultFormat: OutputFormat) throws(UsageError) {
        if let name = arguments.value("--format") {
            guard let format = OutputFormat(rawValue: name) else {
                throw UsageError("unknown format '\(name)' (values: \(OutputFormat.valueList))")
            }
            self.format = format
        } else {
            self.format = defaultFormat
        }
        runPattern = try Self.regex(arguments.value("--run"), option: "--run")
        tagPattern = try Self.regex(arguments.value("--tag"), option: "--tag")
        if let range = arguments.value("--steps") {
            let parts = range.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let low = parts.first.flatMap { $0.isEmpty ? Int64.min : Int64($0) }
            let high = parts.count == 2 ? (parts[1].isEmpty ? Int64.max : Int64(parts[1])) : nil
            guard parts.count == 2, let low, let high, low <= high else {
                throw UsageError("--steps takes A:B with integers A <= B (either may be left out). Received: \(range)")
            }
            steps = low...high
        }
        purgeRules = try Self.purgeRules(loader: arguments.value("--loader"), keepsAll: arguments.has("--keep-all"))
        isStrict = arguments.has("--strict")
    }

    private static func purgeRules(loader: String?, keepsAll: Bool) throws(UsageError) -> RestartPurge.Rules? {
        guard let loader else { return keepsAll ? nil : .rustLoader }
        guard !keepsAll else { throw UsageError("--loader and --keep-all exclude each other") }
        switch loader {
        case "rust": return .rustLoader
        case "python": return .pythonLoader
        case "both": return .both
        default: throw UsageError("unknown loader '\(loader)' (values: rust, python, both)")
        }
    }

    /// `pattern` compiled for `option` (`nil` for `nil`).
    /// - Throws: ``UsageError`` naming the option, the problem and the character where it is.
    static func regex(_ pattern: String?, option: String) throws(UsageError) -> NamePattern? {
        guard let pattern else { return nil }
        do throws(NamePatternError) {
            return try NamePattern(pattern)
        } catch {
            throw UsageError(
                "\(option): '\(pattern)' is not a regular expression this tool takes: \(error.message) (at character \(error.position + 1))"
            )
        }
    }

    /// Whether a run name passes `--run`.
    func includesRun(_ name: String) -> Bool {
        guard let runPattern else { return true }
        return runPattern.matches(name)
    }

    /// Whether a tag passes `--tag`.
    func includesTag(_ tag: String) -> Bool {
        guard let tagPattern else { return true }
        return tagPattern.matches(tag)
    }

    /// Whether a step passes `--steps`.
    func includesStep(_ step: Int64) -> Bool {
        steps?.contains(step) ?? true
    }
}

/// The format for output to standard output: aligned text on a terminal, else `fallback`.
func defaultFormat(for output: TextSink, fallback: OutputFormat = .csv) -> OutputFormat {
    output.isTerminal ? .text : fallback
}

extension ArgumentList {
    /// The one positional argument, named `name` in the usage error when it is missing or repeated.
    func onlyPositional(named name: String) throws(UsageError) -> String {
        guard positionals.count == 1, let only = positionals.first else {
            throw UsageError(positionals.isEmpty ? "missing \(name)" : "expected one \(name)")
        }
        return only
    }

    /// The `--smooth` weight, from 0 to 1, or `nil` when the option is absent.
    func smoothingWeight() throws(UsageError) -> Double? {
        guard let text = value("--smooth") else { return nil }
        guard let weight = Double(text), (0...1).contains(weight) else {
            throw UsageError("--smooth takes a weight from 0 to 1. Received: \(text)")
        }
        return weight
    }
}
