import Foundation
import TestSupport
import Testing

/// The built `train-demo`, next to the test bundle (`swift build --build-tests` builds it).
private func demoBinary() throws -> String {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [directory.appendingPathComponent("train-demo").path, packageRoot + "/.build/debug/train-demo"]
    let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    return try #require(found, "train-demo is not built; run `swift build --build-tests` first")
}

/// Runs the demo; its exit status and standard error.
private func runDemo(_ arguments: [String]) throws -> (status: Int32, errors: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try demoBinary())
    process.arguments = arguments
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite struct TrainDemoTests {
    let directory = TemporaryDirectory()

    /// A small data file: a header, then `rows` lines of 4 pixel values and a label from 0 to 2.
    private func dataFile(_ name: String, rows: Int = 12, replacingLine: (number: Int, text: String)? = nil) -> String {
        var lines = ["p0,p1,p2,p3,label"]
        for row in 0..<rows { lines.append("\(row % 16),\((row * 3) % 16),0,16,\(row % 3)") }
        if let replacingLine { lines[replacingLine.number - 1] = replacingLine.text }
        let path = directory.path + "/" + name
        writeFile(Array((lines.joined(separator: "\r\n") + "\r\n").utf8), to: path)
        return path
    }

    private func arguments(data: String) -> [String] {
        ["--data", data, "--epochs", "1", "--logdir", directory.path + "/runs", "--name", "t", "--no-logs-summary"]
    }

    @Test(arguments: [
        ("1,2,3,4,-1", "line 3: the label '-1' is not a whole number from 0 to 999"),
        ("1,2,3,4,1000", "line 3: the label '1000' is not a whole number from 0 to 999"),
        ("1,2,3,4,99999999999999999999", "line 3: the label '99999999999999999999' is not a whole number"),
        ("1,2,3,4,2.5", "line 3: the label '2.5' is not a whole number"),
        ("1,2,3,4,nan", "line 3: the label 'nan' is not a whole number"),
        ("1,2,3,4,", "line 3: the label '' is not a whole number"),
        ("1,inf,3,4,1", "line 3: 'inf' is not a finite number"),
        ("1,x,3,4,1", "line 3: 'x' is not a finite number"),
        ("7", "line 3: expected pixel values and a label"),
        ("1,2,3,1", "line 3: 3 pixel values, but line 2 has 4"),
    ])
    func rejectsABadDataFileNamingTheFileAndLine(line: String, message: String) throws {
        let path = dataFile("bad.csv", replacingLine: (3, line))
        let (status, errors) = try runDemo(arguments(data: path))
        #expect(status == 1)
        #expect(errors.hasPrefix("Error: \(path): \(message)"), "\(errors)")
    }

    @Test func rejectsAFileWithNoSamples() throws {
        let path = dataFile("empty.csv", rows: 0)
        let (status, errors) = try runDemo(arguments(data: path))
        #expect(status == 1)
        #expect(errors.hasPrefix("Error: \(path): no samples after the header line"), "\(errors)")
    }

    @Test func trainsOnAGoodFileWithWindowsLineEnds() throws {
        let (status, errors) = try runDemo(arguments(data: dataFile("good.csv")))
        #expect(status == 0, "\(errors)")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/runs/t/training.csv"))
    }

    @Test func rejectsAnOversizedHiddenLayer() throws {
        let (status, errors) = try runDemo(arguments(data: dataFile("h.csv")) + ["--hidden", "1000000000000"])
        #expect(status == 1)
        #expect(errors.hasPrefix("Error: --hidden must be at most 4096. Received: 1000000000000"), "\(errors)")
    }
}
