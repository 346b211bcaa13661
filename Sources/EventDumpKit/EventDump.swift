// EventDump.swift: the eventdump command line, as a library so that tests can run it in-process.

import TensorBoardEvents

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `eventdump` command-line tool.
public enum EventDump {
    /// The tool's version.
    public static let version = "0.1.0"

    static let commands: [any Command.Type] = [
        LsCommand.self, ScalarsCommand.self, SummaryCommand.self, CompareCommand.self, RecordsCommand.self,
        HistCommand.self, TextCommand.self, HParamsCommand.self, PlotCommand.self, AggregateCommand.self,
        ImagesCommand.self, AudioCommand.self, PRCommand.self,
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
        text += """

              See 'eventdump help <subcommand>' for detailed help.

            EXIT STATUS:
              0    Everything read was valid.
              1    Damaged data was found (reported on standard error with file and byte offset), or a failure:
                   a path that cannot be read, standard output that cannot be written (a full disk).
              2    A usage error.
              When standard output is closed early (a pipe into head), eventdump stops reading and exits quietly,
              with 0, or 1 when damage was already reported.

            """
        return text
    }

    /// Runs the tool.
    /// - Parameters:
    ///   - arguments: The arguments after the program name.
    ///   - output: Standard output.
    ///   - errors: Standard error.
    /// - Returns: The exit status: 0 when all went well, 1 when damaged data was found or a failure occurred
    ///   (standard output that cannot be written included), 2 for a usage error. A closed pipe (`EPIPE`) is no
    ///   failure: the output simply ends there.
    public static func run(_ arguments: [String], output: TextSink, errors: TextSink) -> Int32 {
        var status = dispatch(arguments, output: output, errors: errors)
        output.flush()
        if let code = output.writeError, code != EPIPE {
            errors.write("Error: cannot write to standard output: \(systemErrorMessage(code))\n")
            status = 1
        }
        errors.flush()
        return status
    }

    /// Handles the top-level options and runs the subcommand.
    private static func dispatch(_ arguments: [String], output: TextSink, errors: TextSink) -> Int32 {
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
            let command = arguments.dropFirst().first.flatMap { name in commands.first { $0.name == name } }
            output.write(command.map { $0.help + "\n" } ?? overview)
            return 0
        default: break
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            errors.write(
                "Error: unknown subcommand '\(TerminalSafety.escaped(first))'\nUsage: eventdump <subcommand> [<arguments>]\nSee 'eventdump --help' for more information.\n"
            )
            return 2
        }
        // Long reads show their progress on a terminal; written straight to the descriptor from the progress
        // thread, as the error sink is only written from the command's thread.
        let progress =
            errors.isTerminal
            ? ReadProgress { line in _ = line.utf8CString.withUnsafeBytes { write(2, $0.baseAddress, $0.count - 1) } }
            : nil
        defer { progress?.stop() }
        let context = CommandContext(output: output, errors: errors, progress: progress)
        return run(command, Array(arguments.dropFirst()), context: context)
    }

    /// Runs a subcommand and turns what it threw into a message and an exit status.
    private static func run(_ command: any Command.Type, _ arguments: [String], context: CommandContext) -> Int32 {
        do {
            try command.run(arguments, context: context)
        } catch let error as UsageError where error.isHelpRequest {
            context.output.write(command.help + "\n")
        } catch let error as UsageError {
            context.output.flush()
            let usage =
                command.help.split(separator: "\n").first { $0.hasPrefix("USAGE:") }.map { $0.dropFirst(7) } ?? ""
            context.errors.write(
                "Error: \(TerminalSafety.escaped(error.message))\nUsage: \(usage)\nSee 'eventdump \(command.name) --help' for more information.\n"
            )
            return 2
        } catch is OutputClosed {
            // Standard output is gone: stop quietly, with the status of what was read so far.
        } catch {
            context.output.flush()
            context.errors.write("Error: \(TerminalSafety.escaped(String(describing: error)))\n")
            return 1
        }
        return context.foundDamage ? 1 : 0
    }
}
