// ArgumentList.swift: command-line arguments split into positionals, options and flags.

/// Arguments after the subcommand, parsed against the options a command accepts.
struct ArgumentList {
    /// Arguments that are not options, in order.
    private(set) var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// Parses `arguments`.
    ///
    /// An option's value is the next argument unless that one looks like an option itself (see
    /// ``looksLikeOption(_:)``): `--tag --help` is a usage error naming `--tag`, not a tag pattern, since a
    /// forgotten value would otherwise silently swallow the next option. A value that does start with `-` is
    /// given inline, `--tag=-foo`, as the error says. `-h` or `--help` where an option may stand asks for help,
    /// even after an unknown option (whose error is thrown only when no help was asked for).
    /// - Parameters:
    ///   - arguments: The arguments after the subcommand.
    ///   - valueOptions: Long options that take a value (`--format csv` or `--format=csv`).
    ///   - flagOptions: Long options that take none.
    /// - Throws: ``UsageError`` for an unknown option, a missing value or one that looks like an option, or
    ///   ``UsageError/helpRequested`` for `-h` or `--help`.
    init(_ arguments: [String], valueOptions: Set<String>, flagOptions: Set<String>) throws(UsageError) {
        var index = 0
        var onlyPositionals = false
        var unknown: UsageError?
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            if argument == "-h" || argument == "--help" { throw .helpRequested }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if valueOptions.contains(name) {
                if let inlineValue {
                    values[name, default: []].append(inlineValue)
                } else if index < arguments.count, !Self.looksLikeOption(arguments[index]) {
                    values[name, default: []].append(arguments[index])
                    index += 1
                } else if index < arguments.count {
                    throw UsageError(
                        "missing value for '\(name)': '\(arguments[index])' looks like an option "
                            + "(to pass it as the value, write \(name)=\(arguments[index]))"
                    )
                } else {
                    throw UsageError("missing value for '\(name)'")
                }
            } else if flagOptions.contains(name), inlineValue == nil {
                flags.insert(name)
            } else if unknown == nil {
                unknown = UsageError("unknown option '\(name)'")
            }
        }
        if let unknown { throw unknown }
    }

    /// Whether an argument after an option that takes a value is an option rather than the value: it starts
    /// with `--` (`--help`, `--format`, and `--` itself), or it is `-` and one letter (`-h`). Anything else
    /// starting with `-` is a value: a negative number (`-0.5`, `-100:`), `-` alone, or a pattern like `-foo`.
    static func looksLikeOption(_ argument: String) -> Bool {
        if argument.hasPrefix("--") { return true }
        let scalars = Array(argument.unicodeScalars)
        guard scalars.count == 2, scalars[0] == "-" else { return false }
        return ("a"..."z").contains(scalars[1]) || ("A"..."Z").contains(scalars[1])
    }

    /// The last value given for `option`, or `nil`.
    func value(_ option: String) -> String? { values[option]?.last }

    /// Every value given for `option`.
    func allValues(_ option: String) -> [String] { values[option] ?? [] }

    /// Whether `flag` was given.
    func has(_ flag: String) -> Bool { flags.contains(flag) }
}
