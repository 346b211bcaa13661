import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

@Suite struct ExitFlushTests {
    let directory = TemporaryDirectory()

    /// A child writes 300 scalars to a writer that flushes only when told and that it never closes (kept in a
    /// global, so never deinitialised), then ends: by `exit(0)` or the end of its top-level code every event
    /// is in the file, flushed by the exit handler; by SIGKILL none is, which shows that the events were still
    /// buffered, so that only the exit handler can have written them in the other two cases.
    @Test(arguments: zip(["exit", "return", "kill"], [true, true, false]))
    func aWriterLeftOpenIsFlushedAtANormalExitOnly(ending: String, keepsEvents: Bool) throws {
        let run = directory.path + "/" + ending
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try testTool())
        process.arguments = ["write-and-exit", run, "300", ending]
        try process.run()
        process.waitUntilExit()
        if keepsEvents {
            #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        } else {
            #expect(process.terminationReason == .uncaughtSignal)
        }
        let log = try Logdir.read(run, purging: nil)
        #expect(log.damage.isEmpty && log.incompleteTails.isEmpty)
        #expect(log.runs.count == 1, "the file was created and holds its file-version event either way")
        let points = log.runs.flatMap { $0.scalars("x") }
        let expected = keepsEvents ? (0..<300).map { Int64($0) } : []
        #expect(points.map(\.step) == expected)
        #expect(points.map(\.value) == expected.map(Double.init))
    }

    @Test func aClosedOrReleasedWriterLeavesTheRegistry() throws {
        let closed = try SummaryWriter(runDirectory: directory.path + "/closed")
        let id = ObjectIdentifier(closed)
        #expect(OpenWriters.isRegistered(id))
        try closed.close()
        #expect(!OpenWriters.isRegistered(id))
        var released: SummaryWriter? = try SummaryWriter(runDirectory: directory.path + "/released")
        let releasedID = try ObjectIdentifier(#require(released))
        #expect(OpenWriters.isRegistered(releasedID))
        released = nil
        #expect(!OpenWriters.isRegistered(releasedID))
    }
}
