import Foundation
import TensorBoardObjectStorage
import TestSupport
import Testing

@testable import TensorBoardEvents

// The files layer on object storage, with the store in memory (ObjectStoragePath.storeOverride); the same
// paths against a real S3 server (Ceph's radosgw) are in ObjectStorageCephTests.

@Suite struct ObjectStorageLogTests {
    let store = MemoryObjectStore(buckets: ["logs"])
    let directory = TemporaryDirectory()

    /// Runs `body` with every s3:// path resolving to the in-memory store.
    func withStore<R>(_ body: () throws -> R) rethrows -> R {
        try ObjectStoragePath.$storeOverride.withValue(store) { try body() }
    }

    /// Writes the same short run through `writer`: scalars, a text and a histogram, with a flush in between.
    static func writeRun(_ writer: SummaryWriter) throws {
        for step in 0..<20 {
            // In a fixed order (a dictionary's order differs between two equal instances), so that both runs
            // have their tags in the same order.
            let values: KeyValuePairs = ["loss": 1 / Double(step + 1), "accuracy": Double(step) / 20]
            try writer.scalars(values, step: Int64(step))
            if step == 9 { try writer.flush() }
        }
        try writer.text("notes", "half way", step: 10)
        try writer.histogram("weights", values: [0.5, 1, 2, 3], step: 19)
        try writer.close()
    }

    @Test func aRunWrittenAsSegmentsReadsBackAsTheSameRunWrittenLocally() throws {
        let remote = try withStore { () throws -> SummaryWriter in
            let writer = try SummaryWriter(runDirectory: "s3://logs/exp/train")
            try Self.writeRun(writer)
            return writer
        }
        let local = try SummaryWriter(runDirectory: directory.path + "/exp/train")
        try Self.writeRun(local)

        // The file-version segment at once, then one per flush: init, the explicit flush, close.
        let keys = store.objects(in: "logs").keys.sorted()
        #expect(keys.count == 3)
        #expect(keys.allSatisfy { $0.hasPrefix("exp/train/events.out.tfevents.") })
        #expect(keys.map { $0.suffix(11) } == [".0000000000", ".0000000001", ".0000000002"])
        #expect(remote.filePath.hasPrefix("s3://logs/exp/train/events.out.tfevents."))

        let read = try withStore { try Logdir.read("s3://logs/exp") }
        let expected = try Logdir.read(directory.path + "/exp")
        #expect(read.damage.isEmpty && read.incompleteTails.isEmpty && read.discoveryProblems.isEmpty)
        let run = try #require(read.run(named: "train"))
        let want = try #require(expected.run(named: "train"))
        #expect(run.run.directory == "s3://logs/exp/train")
        #expect(run.run.files == keys.map { "s3://logs/" + $0 })
        #expect(run.tags == want.tags)
        for tag in want.tags {
            #expect(run.points(tag).map(\.value) == want.points(tag).map(\.value), "\(tag)")
            #expect(run.points(tag).map(\.step) == want.points(tag).map(\.step), "\(tag)")
        }
        #expect(run.scalars("loss").count == 20)
    }

    @Test func readingALogdirSendsNoHeadForTheObjectsItsListingFound() throws {
        for run in ["train", "validation"] {
            try withStore { try Self.writeRun(try SummaryWriter(runDirectory: "s3://logs/exp/" + run)) }
            try Self.writeRun(try SummaryWriter(runDirectory: directory.path + "/exp/" + run))
        }
        #expect(store.objects(in: "logs").count == 6)  // 3 segments a run
        let heads = store.requestCount(.head)
        let read = try withStore { try Logdir.read("s3://logs/exp") }
        #expect(store.requestCount(.head) == heads)
        let expected = try Logdir.read(directory.path + "/exp")
        #expect(read.damage.isEmpty && read.incompleteTails.isEmpty)
        #expect(read.runs.map(\.run.name) == ["train", "validation"])
        for want in expected.runs {
            let run = try #require(read.run(named: want.run.name))
            #expect(run.tags == want.tags)
            for tag in want.tags {
                #expect(run.points(tag).map(\.value) == want.points(tag).map(\.value), "\(tag)")
                #expect(run.points(tag).map(\.step) == want.points(tag).map(\.step), "\(tag)")
            }
        }
    }

    @Test func anObjectDeletedBetweenTheListingAndTheReadIsDamageNamingIt() throws {
        try withStore {
            let writer = try SummaryWriter(runDirectory: "s3://logs/r")
            try writer.scalar("loss", 1.0, step: 0)
            try writer.flush()
            try writer.scalar("loss", 2.0, step: 1)
            try writer.close()
        }
        let keys = store.objects(in: "logs").keys.sorted()
        #expect(keys.count == 3)  // the file version, step 0, step 1
        // Step 1's segment: step 0's holds the tag's metadata, without which no point of it is a scalar.
        let deleted = try S3Location(bucket: "logs", key: keys[2])
        store.deletedAfterNextListing = [deleted]
        let read = try withStore { try Logdir.read("s3://logs/r") }
        #expect(read.damage.map(\.description) == ["\(deleted): offset 0: object storage: no such object"])
        #expect(read.run(named: ".")?.scalars("loss").map(\.value) == [1])
    }

    /// Keys under a log directory, and the runs (name: files) they make.
    static let layouts: [(keys: [String], runs: [String: [String]])] = [
        (["d/events.out.tfevents.1"], [".": ["s3://logs/d/events.out.tfevents.1"]]),
        (
            ["d/a/events.out.tfevents.2", "d/a/events.out.tfevents.1", "d/a/b/x.tfevents.3", "d/a/notes.txt"],
            [
                "a": ["s3://logs/d/a/events.out.tfevents.1", "s3://logs/d/a/events.out.tfevents.2"],
                "a/b": ["s3://logs/d/a/b/x.tfevents.3"],
            ]
        ),
        (["d/", "d/a/", "d/a/events.out.tfevents.1.profile-empty", "dx/events.out.tfevents.1"], [:]),
        (["d//events.out.tfevents.1"], ["": ["s3://logs/d//events.out.tfevents.1"]]),
    ]

    @Test(arguments: layouts.indices)
    func runsAreTheKeyDirectoriesHoldingEventFiles(_ index: Int) throws {
        let layout = Self.layouts[index]
        for key in layout.keys { try store.writeObject(S3Location(bucket: "logs", key: key), bytes: [1]) }
        let (runs, problems) = try withStore { try Logdir.discoverRuns(in: "s3://logs/d") }
        #expect(problems.isEmpty)
        #expect(Dictionary(uniqueKeysWithValues: runs.map { ($0.name, $0.files) }) == layout.runs)
        // Every file with the size its listing gave (1 byte each), and no other.
        for run in runs { #expect(run.listedSizes == Dictionary(uniqueKeysWithValues: run.files.map { ($0, 1) })) }
        #expect(runs.map(\.name) == runs.map(\.name).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test func aLogdirGivenAsOneEventFilesObjectIsItsDirectorysRun() throws {
        try store.writeObject(S3Location(bucket: "logs", key: "d/events.out.tfevents.7"), bytes: [1])
        let (runs, _) = try withStore { try Logdir.discoverRuns(in: "s3://logs/d/events.out.tfevents.7") }
        // Equal although only the found run has a listed size: sizes take no part in a run's equality.
        #expect(runs == [Run(name: ".", directory: "s3://logs/d", files: ["s3://logs/d/events.out.tfevents.7"])])
        #expect(runs.first?.listedSizes == ["s3://logs/d/events.out.tfevents.7": 1])
    }

    @Test(arguments: [1, 7, 100, 4096, 8 << 20])
    func anObjectReadInBlocksGivesTheRecordsOfTheSameBytesInMemory(_ blockSize: Int) throws {
        var bytes: [UInt8] = []
        for step in 0..<50 {
            let event = Event(
                wallTime: 1,
                step: Int64(step),
                content: .fileVersion(String(repeating: "x", count: step))
            )
            bytes += TFRecordFrame.framed(event.serializedBytes())
        }
        let location = try S3Location(bucket: "logs", key: "o")
        try store.writeObject(location, bytes: bytes)
        var remote = EventFileReader(source: ObjectByteSource(location, in: store, blockSize: blockSize), path: "o")
        var local = EventFileReader(source: MemoryByteSource(bytes), path: "o")
        var count = 0
        while let event = try remote.readEvent() {
            #expect(event == (try local.readEvent()))
            count += 1
        }
        #expect(count == 50)
        #expect(try local.readEvent() == nil)
    }

    @Test func anObjectReplacedByALongerOneIsReadOnFromWhereTheReaderWas() throws {
        let location = try S3Location(bucket: "logs", key: "grows")
        let first = TFRecordFrame.framed(Event(wallTime: 1, step: 1, content: .fileVersion("a")).serializedBytes())
        let second = TFRecordFrame.framed(Event(wallTime: 2, step: 2, content: .fileVersion("b")).serializedBytes())
        try store.writeObject(location, bytes: first)
        var reader = EventFileReader(source: ObjectByteSource(location, in: store), path: "grows")
        #expect(try reader.readEvent()?.event.step == 1)
        #expect(try reader.readEvent() == nil)
        try store.writeObject(location, bytes: first + second)
        #expect(try reader.readEvent()?.event.step == 2)
        #expect(try reader.readEvent() == nil)
    }

    @Test func aFailedUploadKeepsTheRecordsForTheNextFlushAndLosesNone() throws {
        let writer = try withStore { try SummaryWriter(runDirectory: "s3://logs/r") }
        try writer.scalar("loss", 1.0, step: 0)
        store.failingRequests = 1
        #expect {
            try writer.flush()
        } throws: { error in
            guard let error = error as? EventFileError, case .objectStorage(let reason) = error.code else {
                return false
            }
            return reason.contains("503") && error.path.hasSuffix(".0000000001")
        }
        try writer.scalar("loss", 2.0, step: 1)
        try writer.close()
        let read = try withStore { try Logdir.read("s3://logs/r") }
        #expect(read.run(named: ".")?.scalars("loss").map(\.value) == [1, 2])
        #expect(store.objects(in: "logs").count == 2)
    }

    @Test func aMissingBucketIsRefusedAtOnceNamingIt() throws {
        #expect {
            try withStore { _ = try SummaryWriter(runDirectory: "s3://nothere/run") }
        } throws: { error in
            "\(error)".hasPrefix("s3://nothere/run: object storage:") && "\(error)".contains("no such bucket 'nothere'")
        }
        #expect {
            try withStore { _ = try Logdir.read("s3://nothere/run") }
        } throws: { error in
            "\(error)".contains("s3://nothere/run: cannot list:") && "\(error)".contains("nothere")
        }
        #expect {
            try withStore { _ = try EventFileReader(path: "s3://logs/missing.tfevents") }
        } throws: { error in
            "\(error)" == "s3://logs/missing.tfevents: object storage: no such object"
        }
    }

    @Test func aLaterWritersFileSortsAfterTheSegmentsAlreadyInTheRun() throws {
        try withStore {
            try SummaryWriter(runDirectory: "s3://logs/r").close()
            try SummaryWriter(runDirectory: "s3://logs/r").close()
        }
        let keys = store.objects(in: "logs").keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(keys.count == 2)
        let (runs, _) = try withStore { try Logdir.discoverRuns(in: "s3://logs/r") }
        #expect(runs.first?.files == keys.map { "s3://logs/" + $0 })
        #expect(keys[0].dropLast(11) != keys[1].dropLast(11))
    }

    @Test func anEmbeddingsFilesAreObjectsHoldingWhatTheLocalFilesHold() throws {
        let local = try SummaryWriter(runDirectory: directory.path + "/run")
        let remote = try withStore { try SummaryWriter(runDirectory: "s3://logs/e/run") }
        let image = try PixelImage(values: [Float](repeating: 0.5, count: 4), width: 2, height: 2, channels: 1)
        for writer in [local, remote] {
            try withStore {
                try writer.embedding([[1, 2], [3, 4]], labels: ["a", "b"], images: [image, image], step: 0)
                try writer.embedding([[5, 6]], labels: ["c"], tag: "other", step: 1)
                #expect(throws: EventFileError.self) { try writer.embedding([[1, 2]], step: 0) }
                try writer.close()
            }
        }
        let assets = store.objects(in: "logs").filter { !$0.key.contains("tfevents") }
        #expect(assets.count == 6)  // the config; tensors and metadata of both; one sprite
        for (key, bytes) in assets {
            let file = directory.path + "/" + key.dropFirst("e/".count)
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: file))) == bytes, "\(key)")
        }
    }
}
