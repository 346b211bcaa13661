import Foundation
import TensorBoardObjectStorage
import Testing

@testable import TensorBoardEvents

/// The files layer against a real S3 server, Ceph's RADOS Gateway from `scripts/ceph`, through the store that
/// `s3://` paths resolve to in a process (``ObjectStores/shared(for:)``, configured from the environment).
/// Runs with `TBE_S3_TESTS=1` in the environment `eval "$(scripts/ceph start DIR)"` sets, which also names the
/// cluster's directory (`TBE_CEPH_DIR`) for stopping and restarting the gateway.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["TBE_S3_TESTS"] == "1"
            && ProcessInfo.processInfo.environment["TBE_CEPH_DIR"] != nil,
        "set TBE_S3_TESTS=1 and TBE_CEPH_DIR (scripts/ceph start prints both)"
    ),
    .serialized
)
struct ObjectStorageCephTests {
    /// A new bucket on the server.
    static func newBucket(_ purpose: String) throws -> String {
        let bucket = "tbe-\(purpose)-\(UInt32.random(in: 0...UInt32.max))"
        let client = S3Client(configuration: try S3Configuration.resolve())
        try client.createBucket(bucket)
        return bucket
    }

    /// Runs `scripts/ceph ACTION TBE_CEPH_DIR` and waits for it, by `posix_spawn` and `waitpid`: Foundation's
    /// `Process` notices a child's end by a socket the child inherits, which the radosgw that `start-gateway`
    /// leaves running inherits too, so `waitUntilExit` would wait for the gateway to end.
    static func ceph(_ action: String) throws -> Int32 {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let arguments = [
            root.appendingPathComponent("scripts/ceph").path, action,
            ProcessInfo.processInfo.environment["TBE_CEPH_DIR"] ?? "",
        ]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, arguments[0], nil, nil, &argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }

    /// The steps and values of `tag` in the log directory `path` in reading order, none purged, with every
    /// problem the reading met.
    static func scalars(_ path: String, tag: String) throws -> (points: [Point], problems: [String]) {
        let contents = try Logdir.read(path, purging: nil)
        let problems = contents.damage.map(\.description) + contents.incompleteTails.map(\.path)
        let points = contents.runs.flatMap { $0.scalars(tag).map { Point(step: $0.step, value: $0.value) } }
        return (points, problems)
    }

    struct Point: Equatable {
        var step: Int64
        var value: Double
    }

    @Test func aRunWrittenToTheServerReadsBackPointForPointInSegments() throws {
        let bucket = try Self.newBucket("segments")
        let writer = try SummaryWriter(runDirectory: "s3://\(bucket)/exp/train")
        for step in 0..<300 {
            try writer.scalars(["loss": 1 / Double(step + 1), "accuracy": Double(step) / 300], step: Int64(step))
            if step % 100 == 99 { try writer.flush() }
        }
        try writer.close()
        let listed = try ObjectStores.shared(for: S3Location(bucket: bucket, key: "")).listObjects(
            in: bucket,
            prefix: "exp/train/"
        )
        // The file version at once, then one segment per flush; close finds nothing left to upload.
        let suffixes: [String] = listed.map { String($0.key.suffix(11)) }
        let expected: [String] = (0..<4).map { String(format: ".%010d", $0) }
        #expect(suffixes == expected)
        let (loss, problems) = try Self.scalars("s3://\(bucket)/exp", tag: "loss")
        #expect(problems.isEmpty)
        let written: [Point] = (0..<300).map { Point(step: Int64($0), value: Double(Float(1 / Double($0 + 1)))) }
        #expect(loss == written)
    }

    /// The gateway stopped while a writer runs and started again: the flush made during the outage either rides
    /// over it on the client's retries or fails and keeps its records for the next flush; either way every point
    /// is on the server once, in order, after the gateway is back.
    @Test func aGatewayStoppedAndRestartedWhileAWriterRunsLosesNothingFlushed() throws {
        let bucket = try Self.newBucket("outage")
        let writer = try SummaryWriter(runDirectory: "s3://\(bucket)/run")
        for step in 0..<10 { try writer.scalar("x", Double(step), step: Int64(step)) }
        try writer.flush()

        #expect(try Self.ceph("stop-gateway") == 0)
        let restart = Thread {
            sleep(3)
            _ = try? Self.ceph("start-gateway")
        }
        restart.start()
        for step in 10..<20 { try writer.scalar("x", Double(step), step: Int64(step)) }
        let duringOutage = Result { try writer.flush() }
        while !restart.isFinished { usleep(100_000) }
        try writer.flush()  // uploads what the outage's flush kept, if it failed
        for step in 20..<30 { try writer.scalar("x", Double(step), step: Int64(step)) }
        try writer.close()

        let (points, problems) = try Self.scalars("s3://\(bucket)", tag: "x")
        #expect(problems.isEmpty, "\(problems)")
        let written: [Point] = (0..<30).map { Point(step: Int64($0), value: Double($0)) }
        #expect(points == written)
        if case .failure(let error) = duringOutage {
            #expect("\(error)".contains("s3://\(bucket)/run/"), "\(error)")
        }
    }
}
