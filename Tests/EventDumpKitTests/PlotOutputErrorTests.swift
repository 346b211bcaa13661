import Foundation
import TestSupport
import Testing

@testable import EventDumpKit

/// Where `plot --output` cannot write, with the reason its one error line must give.
struct UnwritableOutput: Sendable, CustomTestStringConvertible {
    var name: String
    /// The path below the test's scratch directory.
    var relative: String
    /// The `strerror` text expected.
    var reason: String

    var testDescription: String { name }

    static let all: [UnwritableOutput] = [
        .init(name: "missing directory", relative: "missing/chart.svg", reason: "No such file or directory"),
        .init(name: "missing directory, PNG", relative: "missing/chart.png", reason: "No such file or directory"),
        .init(name: "a directory", relative: "directory.svg", reason: "Is a directory"),
        .init(name: "a full disk", relative: "full.svg", reason: "No space left on device"),
        .init(name: "a full disk, PNG", relative: "full.png", reason: "No space left on device"),
    ]
}

/// `eventdump plot --output` to a place it cannot write says so in one line, as strerror does.
@Suite struct PlotOutputErrorTests {
    let directory = TemporaryDirectory()

    init() throws {
        try writeSmallLog(directory.path + "/logs")
        try FileManager.default.createDirectory(
            atPath: directory.path + "/directory.svg",
            withIntermediateDirectories: true
        )
        for name in ["full.svg", "full.png"] {
            try FileManager.default.createSymbolicLink(
                atPath: directory.path + "/" + name,
                withDestinationPath: "/dev/full"
            )
        }
    }

    @Test(arguments: UnwritableOutput.all)
    func aFailedWriteIsOneLineNamingThePathAndTheReason(_ example: UnwritableOutput) {
        let path = directory.path + "/" + example.relative
        let result = eventdump("plot", directory.path + "/logs", "--tag", "epoch_loss", "--output", path)
        #expect(result.status == 1)
        let lines = result.errors.split(separator: "\n")
        #expect(lines.count == 1, "\(result.errors)")
        #expect(lines.first?.hasPrefix("Error: cannot ") == true)
        #expect(result.errors.contains("'\(path)': \(example.reason) (errno "))
        #expect(!result.errors.contains("Domain") && !result.errors.contains("NSError"))
        #expect(!result.errors.contains("wrote"))
    }

    @Test func theRealBinaryPrintsTheSameLine() throws {
        let binary = try #require(eventdumpBinary())
        let path = directory.path + "/full.svg"
        let result = try runBinary(binary, ["plot", directory.path + "/logs", "--tag", "epoch_loss", "--output", path])
        #expect(result.status == 1)
        #expect(result.errors == "Error: cannot write '\(path)': No space left on device (errno 28)\n")
    }
}
