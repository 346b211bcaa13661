import Foundation
import TensorBoardObjectStorage
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

/// eventdump on `s3://` log directories, in a ``MemoryObjectStore``: every command prints what it prints on the
/// same log written to a local directory (with the path in place of the other; `ls` without `--format` is
/// left out, since it lists the files, which are segments in object storage), sending no `HEAD` for the objects
/// its listing found, and `--follow` sees the segments a writer uploads while it polls.
@Suite struct ObjectStorageCommandTests {
    let directory = TemporaryDirectory()
    let store = MemoryObjectStore(buckets: ["logs"])

    func withStore<R>(_ body: () throws -> R) rethrows -> R {
        try ObjectStoragePath.$storeOverride.withValue(store) { try body() }
    }

    static let commands: [[String]] = [
        ["ls", "--format", "csv"],
        ["scalars"],
        ["scalars", "--format", "csv"],
        ["scalars", "--wide", "--format", "json"],
        ["summary"],
        ["compare", "--tag", "epoch_loss"],
        ["hist"],
        ["text"],
        ["hparams"],
    ]

    @Test(arguments: commands)
    func aCommandPrintsOnALogInObjectStorageWhatItPrintsOnTheSameLogLocally(_ command: [String]) throws {
        try writeSmallLog(directory.path)
        try withStore { try writeSmallLog("s3://logs/d") }
        let local = eventdump([command[0], directory.path] + command.dropFirst())
        let heads = store.requestCount(.head)
        let remote = withStore { eventdump([command[0], "s3://logs/d"] + command.dropFirst()) }
        #expect(local.status == 0 && remote.status == 0, "\(remote.errors)")
        // The listing gave every object's size: neither pass's opens (nor --files' sizes) ask for it again.
        #expect(store.requestCount(.head) == heads)
        #expect(!local.output.isEmpty)
        #expect(remote.output == local.output.replacingOccurrences(of: directory.path, with: "s3://logs/d"))
        #expect(remote.errors == local.errors.replacingOccurrences(of: directory.path, with: "s3://logs/d"))
    }

    @Test func lsFilesListsEverySegmentWithItsObjectSize() throws {
        try withStore { try writeSmallLog("s3://logs/d") }
        let heads = store.requestCount(.head)
        let result = withStore { eventdump("ls", "s3://logs/d", "--format", "csv", "--files") }
        #expect(store.requestCount(.head) == heads)  // the sizes are the listing's
        var expected = "run,file,bytes\n"
        for (key, bytes) in store.objects(in: "logs").sorted(by: { $0.key < $1.key }) {
            let run = key.hasPrefix("d/exp/train/") ? "exp/train" : "exp/validation"
            expected += "\(run),s3://logs/\(key),\(bytes.count)\n"
        }
        #expect(result.output == expected)
    }

    @Test func followPrintsThePointsOfSegmentsUploadedWhileItPolls() throws {
        let writer = try withStore {
            try SummaryWriter(runDirectory: "s3://logs/f/run", options: .init(objectStorageFlushInterval: 0))
        }
        try writer.scalar("x", Float(1), step: 1, wallTime: 10)
        try writer.flush()
        let store = store
        let uploader = Thread {
            ObjectStoragePath.$storeOverride.withValue(store) {
                usleep(300_000)
                try? writer.scalar("x", Float(2), step: 2, wallTime: 11)
                try? writer.flush()
                usleep(200_000)
                try? writer.scalar("x", Float(3), step: 3, wallTime: 12)
                try? writer.close()
            }
        }
        uploader.start()
        let result = withStore {
            eventdump(
                "scalars",
                "s3://logs/f",
                "--follow",
                "--format",
                "csv",
                "--interval",
                "0.05",
                "--follow-timeout",
                "3"
            )
        }
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == "run,tag,step,wall_time,value\nrun,x,1,10.0,1.0\nrun,x,2,11.0,2.0\nrun,x,3,12.0,3.0\n")
    }

    @Test func anObjectDeletedBetweenTheListingAndTheReadIsReportedNamingItAndTheRestIsRead() throws {
        try writeSmallLog(directory.path)
        try withStore { try writeSmallLog("s3://logs/d") }
        // The validation run's last segment, which holds its points (the first holds only the file version).
        let key = try #require(store.objects(in: "logs").keys.sorted().last { $0.hasPrefix("d/exp/validation/") })
        let deleted = try S3Location(bucket: "logs", key: key)
        store.deletedAfterNextListing = [deleted]
        let result = withStore { eventdump("scalars", "s3://logs/d", "--format", "csv") }
        #expect(result.status == 1)
        // Reported once (by the second pass: the restart-purging first pass is silent), naming the object.
        #expect(result.errors == "warning: \(deleted): offset 0: object storage: no such object\n")
        let local = eventdump("scalars", directory.path, "--format", "csv")
        let lines = local.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(result.output == lines.filter { !$0.hasPrefix("exp/validation,") }.joined(separator: "\n"))
    }

    @Test func aMissingBucketFailsNamingIt() {
        let result = withStore { eventdump("scalars", "s3://nowhere/d") }
        #expect(result.status == 1)
        #expect(result.errors.contains("s3://nowhere/d"), "\(result.errors)")
        #expect(result.errors.contains("no such bucket 'nowhere'"), "\(result.errors)")
    }
}
