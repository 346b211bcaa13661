import TestSupport
import Testing

@testable import EventDumpKit

/// An option's value that looks like an option is a usage error; one that only starts with `-` is a value.
@Suite struct OptionValueTests {
    let directory = TemporaryDirectory()

    init() throws {
        try writeSmallLog(directory.path)
    }

    @Test(arguments: [
        ("scalars", ["--tag", "--help"], "--tag"),
        ("scalars", ["--run", "--format", "csv"], "--run"),
        ("scalars", ["--tag", "-h"], "--tag"),
        ("scalars", ["--tag", "--"], "--tag"),
        ("ls", ["--format", "--strict"], "--format"),
        ("plot", ["--tag", "epoch_loss", "--output", "--width"], "--output"),
        ("compare", ["--min-delta", "--analysis"], "--min-delta"),
    ])
    func aValueThatLooksLikeAnOptionIsAUsageErrorNamingTheOption(
        _ command: String,
        _ options: [String],
        _ option: String
    ) throws {
        let result = eventdump([command, directory.path] + options)
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        let first = try #require(result.errors.split(separator: "\n").first)
        #expect(first.hasPrefix("Error: missing value for '\(option)': "), "\(result.errors)")
        #expect(first.contains("looks like an option"))
        #expect(first.contains("write \(option)="), "\(first)")
    }

    @Test func theErrorSaysHowToPassSuchAValue() {
        let result = eventdump("scalars", directory.path, "--tag", "--help")
        #expect(
            result.errors.hasPrefix(
                "Error: missing value for '--tag': '--help' looks like an option (to pass it as the value, write --tag=--help)\n"
            )
        )
    }

    @Test(arguments: [
        ["--steps", "-5:3"],
        ["--steps", "-100:"],
        ["--tag", "-"],
        ["--tag", "-foo"],
        ["--tag=-foo"],
        ["--tag=--help"],
    ])
    func aValueStartingWithADashIsStillAValue(_ options: [String]) {
        let result = eventdump(["scalars", directory.path, "--format", "csv"] + options)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("run,tag,step,wall_time,value\n"))
    }

    @Test func aNegativeNumberReachesTheOptionsOwnCheck() {
        let result = eventdump("scalars", directory.path, "--smooth", "-0.5")
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("Error: --smooth takes a weight from 0 to 1. Received: -0.5\n"))
    }

    @Test(arguments: [["--strict", "--help"], ["--bogus", "--help"], ["-h"], ["--tag=x", "-h"]])
    func helpWhereAnOptionMayStandStillShowsHelp(_ options: [String]) {
        let result = eventdump(["scalars", directory.path] + options)
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("OVERVIEW: "))
    }

    @Test func anUnknownOptionWithoutHelpIsStillAnError() {
        let result = eventdump("scalars", directory.path, "--bogus")
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("Error: unknown option '--bogus'\n"))
    }

    @Test(arguments: ["--help", "--format", "--", "-h", "-Z"])
    func looksLikeAnOption(_ argument: String) {
        #expect(ArgumentList.looksLikeOption(argument))
    }

    @Test(arguments: ["-", "-0.5", "-5:3", "-foo", "-é", "value", ""])
    func doesNotLookLikeAnOption(_ argument: String) {
        #expect(!ArgumentList.looksLikeOption(argument))
    }
}
