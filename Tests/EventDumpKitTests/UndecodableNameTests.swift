import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

#if canImport(Glibc)
import Glibc
#endif

/// Every name on disk is reachable: directories and tags that are not valid UTF-8 are found and shown escaped
/// (`\xNN`), two that differ only in such bytes stay two, and paths too long to open are reported.
@Suite struct UndecodableNameTests {
    let directory = TemporaryDirectory()

    /// `prefix` followed by raw `bytes`, as a path string the package's file calls turn back into those bytes.
    private func name(_ prefix: String, _ bytes: [UInt8]) -> String {
        LosslessUTF8.decode(Array(prefix.utf8) + bytes)
    }

    /// Runs `run\xff` and `run\xfe` (one point each), and a run `tags` holding tags `acc\xff` (written by the
    /// scalar path) and `acc\xfe` (written as a general event), two points each.
    private func writeLog() throws {
        for (byte, value) in [(UInt8(0xFF), Float(1)), (0xFE, 2)] {
            let writer = try SummaryWriter(runDirectory: name(directory.path + "/run", [byte]))
            try writer.scalar("loss", value, step: 0, wallTime: 1)
            try writer.close()
        }
        let writer = try SummaryWriter(runDirectory: directory.path + "/tags")
        for step in Int64(0)..<2 {
            try writer.scalar(name("acc", [0xFF]), Float(step), step: step, wallTime: 1)
            let value = Summary.Value(tag: name("acc", [0xFE]), kind: .simpleValue(Float(step) + 10))
            try writer.write(Event(wallTime: 1, step: step, content: .summary(Summary(values: [value]))))
        }
        try writer.close()
    }

    @Test func theBytesOnDiskAreTheBytesOfTheName() throws {
        try writeLog()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        // Foundation cannot show these names either; their count and what the package lists are what matters.
        #expect(names.count == 3)
        let (runs, problems) = try Logdir.discoverRuns(in: directory.path)
        #expect(problems.isEmpty)
        #expect(runs.map(\.name) == [name("run", [0xFE]), name("run", [0xFF]), "tags"])
        let payloads = try eventFiles(in: directory.path + "/tags").flatMap { path -> [[UInt8]] in
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            return recordFrames(bytes).map { Array(bytes[$0.offset + 12..<$0.offset + 12 + $0.length]) }
        }
        let encoded = payloads.flatMap { $0 }
        #expect(encoded.contains(subsequence: Array("acc".utf8) + [0xFF]))
        #expect(encoded.contains(subsequence: Array("acc".utf8) + [0xFE]))
    }

    @Test(arguments: ["text", "csv", "json"])
    func lsScalarsAndSummaryShowEveryRunAndTagEscapedAndApart(format: String) throws {
        try writeLog()
        for command in ["ls", "scalars", "summary"] {
            let result = eventdump(command, directory.path, "--format", format)
            #expect(result.status == 0, "\(command) \(format): \(result.errors)")
            let escape = format == "json" ? "\\\\x" : "\\x"
            for shown in ["run\(escape)ff", "run\(escape)fe", "acc\(escape)ff", "acc\(escape)fe"] {
                #expect(result.output.contains(shown), "\(command) \(format) lacks \(shown)")
            }
            #expect(!result.output.contains("\u{FFFD}"))
        }
        let csv = eventdump("scalars", directory.path, "--format", "csv").output
        #expect(csv.split(separator: "\n").filter { $0.hasPrefix("tags,acc\\xff,") }.count == 2)
        #expect(csv.split(separator: "\n").filter { $0.hasPrefix("tags,acc\\xfe,") }.count == 2)
    }

    @Test func aRunPathThatIsNotUTF8CanBeNamedOnTheCommandLine() throws {
        try writeLog()
        guard let binary = eventdumpBinary() else { return }
        // The argument's bytes reach the program as they are, through the real binary's argument decoding:
        // `printf` turns the octal escapes back into the raw bytes, and the shell passes them on.
        let path = LosslessUTF8.encode(name(directory.path + "/run", [0xFF]))
        let octal = path.map { $0 < 0x80 ? String(UnicodeScalar($0)) : "\\" + String($0, radix: 8) }.joined()
        let (status, output) = try runCapturingOutput(
            "/bin/bash",
            ["-c", "\"$0\" scalars \"$(printf '\(octal)')\" --format csv", binary]
        )
        #expect(status == 0)
        #expect(output == "run,tag,step,wall_time,value\n.,loss,0,1.0,1.0\n")
    }

    @Test func aDirectoryTooDeepToOpenIsReported() throws {
        // Nested directories whose full path passes PATH_MAX (4096), made relative to each other.
        let component = String(repeating: "d", count: 200)
        var descriptor = open(directory.path, O_RDONLY | O_DIRECTORY)
        #expect(descriptor >= 0)
        for _ in 0..<24 {
            #expect(mkdirat(descriptor, component, 0o755) == 0)
            let next = openat(descriptor, component, O_RDONLY | O_DIRECTORY)
            close(descriptor)
            descriptor = next
        }
        close(descriptor)
        defer {
            // GNU rm removes trees deeper than PATH_MAX; Foundation may not.
            let remove = Process()
            remove.executableURL = URL(fileURLWithPath: "/bin/rm")
            remove.arguments = ["-rf", directory.path + "/" + component]
            try? remove.run()
            remove.waitUntilExit()
        }
        let result = eventdump("ls", directory.path)
        #expect(result.status == 1)
        #expect(result.errors.contains("File name too long"))
    }
}

extension Array where Element == UInt8 {
    fileprivate func contains(subsequence: [UInt8]) -> Bool {
        guard subsequence.count <= count else { return false }
        return (0...(count - subsequence.count)).contains { Array(self[$0..<$0 + subsequence.count]) == subsequence }
    }
}
