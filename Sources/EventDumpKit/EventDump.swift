// EventDump.swift: the eventdump command line, as a library so that tests can run it in-process.

import TensorBoardEvents

/// The `eventdump` command-line tool.
public enum EventDump {
    /// The tool's version.
    public static let version = "0.1.0"

    static let commands: [any Command.Type] = [
        LsCommand.self, ScalarsCommand.self, SummaryCommand.self, CompareCommand.self, RecordsCommand.self,
        HistCommand.self, TextCommand.self, HParamsCommand.self, PlotCommand.self,
    ]

    static var overview: String {
        var text = """
            OVERVIEW: Print the contents of TensorBoard event logs as tables.

            USAGE: eventdump <subcommand> [<arguments>]

            OPTIONS:
              -h, --help              Show help information.
              --version               Show the version.

            SUBCOMMANDS:

            """
        for command in commands {
            let padded = command.name + String(repeating: " ", count: max(1, 24 - command.name.count))
            text += "  \(padded)\(command.abstract)\n"
        }
        text += "\n  See 'eventdump help <subcommand>' for detailed help.\n"
        return text
    }

    /// Runs the tool.
    /// - Parameters:
    ///   - arguments: The arguments after the program name.
    ///   - output: Standard output.
    ///   - errors: Standard error.
    /// - Returns: The exit status: 0 when all went well, 1 when damaged data was found or a failure occurred,
    ///   2 for a usage error.
    public static func run(_ arguments: [String], output: TextSink, errors: TextSink) -> Int32 {
        defer {
            output.flush()
            errors.flush()
        }
        guard let first = arguments.first else {
            output.write(overview)
            return 0
        }
        switch first {
        case "-h", "--help":
            output.write(overview)
            return 0
        case "--version":
            output.write("\(version)\n")
            return 0
        case "help":
            if arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
                output.write(command.help + "\n")
            } else {
                output.write(overview)
            }
            return 0
        default: break
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            errors.write(
                "Error: unknown subcommand '\(first)'\nUsage: eventdump <subcommand> [<arguments>]\nSee 'eventdump --help' for more information.\n"
            )
            return 2
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("-h") || rest.contains("--help") {
            output.write(command.help + "\n")
            return 0
        }
        let context = CommandContext(output: output, errors: errors)
        do {
            try command.run(rest, context: context)
        } catch let error as UsageError {
            output.flush()
            let usage =
                command.help.split(separator: "\n").first { $0.hasPrefix("USAGE:") }.map { $0.dropFirst(7) } ?? ""
            errors.write(
                "Error: \(error.message)\nUsage: \(usage)\nSee 'eventdump \(command.name) --help' for more information.\n"
            )
            return 2
        } catch let stopped as StoppedAtDamage {
            output.flush()
            errors.write("Error: \(stopped)\n")
            return 1
        } catch {
            output.flush()
            errors.write("Error: \(error)\n")
            return 1
        }
        return context.foundDamage ? 1 : 0
    }
}
