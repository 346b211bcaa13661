// ArgumentList.swift: command-line arguments split into positionals, options and flags.

/// Arguments after the subcommand, parsed against the options a command accepts.
struct ArgumentList {
    /// Arguments that are not options, in order.
    private(set) var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// Parses `arguments`.
    /// - Parameters:
    ///   - arguments: The arguments after the subcommand.
    ///   - valueOptions: Long options that take a value (`--format csv` or `--format=csv`).
    ///   - flagOptions: Long options that take none.
    /// - Throws: ``UsageError`` for an unknown option or a missing value.
    init(_ arguments: [String], valueOptions: Set<String>, flagOptions: Set<String>) throws(UsageError) {
        var index = 0
        var onlyPositionals = false
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
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if valueOptions.contains(name) {
                if let inlineValue {
                    values[name, default: []].append(inlineValue)
                } else if index < arguments.count {
                    values[name, default: []].append(arguments[index])
                    index += 1
                } else {
                    throw UsageError("missing value for '\(name)'")
                }
            } else if flagOptions.contains(name), inlineValue == nil {
                flags.insert(name)
            } else {
                throw UsageError("unknown option '\(name)'")
            }
        }
    }

    /// The last value given for `option`, or `nil`.
    func value(_ option: String) -> String? { values[option]?.last }

    /// Every value given for `option`.
    func allValues(_ option: String) -> [String] { values[option] ?? [] }

    /// Whether `flag` was given.
    func has(_ flag: String) -> Bool { flags.contains(flag) }
}
