import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

@Suite struct CrashSafetyTests {
    let directory = TemporaryDirectory()

    /// Starts a writer that flushes every few events, kills it with SIGKILL at a random moment after its first
    /// flush, and checks that every event it reported flushed is in the file, intact, and that nothing but a
    /// truncated tail (never corruption) is left behind. Thirty times, with different seeds and kill times.
    @Test func everyFlushedEventSurvivesSIGKILL() throws {
        let tool = try testTool()
        var generator = SplitMix64(seed: 42)
        for attempt in 0..<30 {
            let run = directory.path + "/run\(attempt)"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["write-until-killed", run, String(generator.next() % 1000 + 1)]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            // Wait for the first flush (the child has started and created its file: a slow start, as under
            // ThreadSanitizer, must not turn into a kill before the run exists), then kill at a random moment.
            var output = pipe.fileHandleForReading.availableData
            usleep(useconds_t(generator.next() % 150_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "attempt \(attempt)")
            #expect(!output.isEmpty, "attempt \(attempt): the child never flushed")
            output += pipe.fileHandleForReading.readDataToEndOfFile()
            let reported = String(decoding: output, as: UTF8.self)
                .split(separator: "\n").compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }
            let flushed = reported.last ?? 0
            let files = try FileManager.default.contentsOfDirectory(atPath: run).filter(EventFileName.isEventFile)
            #expect(files.count == 1, "attempt \(attempt)")
            guard let file = files.first else { continue }
            let outcome = try readAll(run + "/" + file)
            #expect(outcome.errors.isEmpty, "attempt \(attempt): \(outcome.errors)")
            let points = outcome.events.dropFirst().map { record -> (Int64, Float?) in
                guard case .tensor(let tensor)? = record.event.summary?.values.first?.kind else {
                    return (record.event.step, nil)
                }
                return (record.event.step, tensor.floatValues.first)
            }
            #expect(
                points.count >= flushed,
                "attempt \(attempt): \(points.count) events read, \(flushed) reported flushed"
            )
            for (index, point) in points.enumerated() {
                #expect(point.0 == Int64(index) && point.1 == Float(index), "attempt \(attempt): event \(index)")
            }
        }
    }
}

@Suite struct DiskErrorTests {
    let directory = TemporaryDirectory()

    @Test func writingToAFullDeviceThrowsAndKeepsTheRecordsPending() throws {
        var writer = try EventFileWriter(appendingTo: "/dev/full", flushThreshold: 1 << 20)
        try writer.append(Event(wallTime: 1, content: .fileVersion("brain.Event:2")))
        let pending = writer.pendingByteCount
        #expect(throws: EventFileError(.writeFailed(errno: ENOSPC), path: "/dev/full", offset: 0)) {
            try writer.flush()
        }
        #expect(writer.pendingByteCount == pending)
        #expect(
            EventFileError(.writeFailed(errno: ENOSPC), path: "/dev/full", offset: 0).description
                == "/dev/full: offset 0: write failed: No space left on device (errno 28)"
        )
    }

    @Test func aRemovedRunDirectoryIsReportedOnTheNextFlush() throws {
        let run = directory.path + "/removed"
        let writer = try SummaryWriter(runDirectory: run)
        try writer.scalar("x", Float(1), step: 0)
        try writer.flush()
        try FileManager.default.removeItem(atPath: run)
        try writer.scalar("x", Float(2), step: 1)
        do {
            try writer.flush()
            Issue.record("flushing into a removed directory did not throw")
        } catch {
            #expect(error.code == .fileRemoved && error.path == writer.filePath)
            #expect(error.description.hasSuffix(": the file was removed while it was being written"))
        }
    }

    /// On a 64 KiB tmpfs (mounted by the test when it runs as root): writing until the disk is full throws
    /// ENOSPC, the file then holds only whole, readable records, and once space is freed the records that
    /// were kept pending are written too.
    @Test func aFullFileSystemLosesNothingThatWasWritten() throws {
        let mountPoint = directory.path + "/tmpfs"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        guard getuid() == 0, runCommand("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint]) == 0
        else {
            // Without root (or in a container that may not mount) the /dev/full test above covers ENOSPC.
            return
        }
        defer { _ = runCommand("/bin/umount", [mountPoint]) }
        FileHandle.standardError.write(Data("mounted a 64 KiB tmpfs at \(mountPoint)\n".utf8))
        let ballast = mountPoint + "/ballast"
        #expect(writeFile([UInt8](repeating: 0, count: 16 << 10), to: ballast))
        let writer = try SummaryWriter(
            runDirectory: mountPoint + "/run",
            options: .init(bufferSize: 4096, flushInterval: .infinity)
        )
        var written = 0
        var failure: EventFileError?
        while failure == nil && written < 100_000 {
            do {
                try writer.scalar("loss", Float(written), step: Int64(written))
                written += 1
            } catch {
                failure = error
            }
        }
        #expect(
            failure?.code == .writeFailed(errno: ENOSPC),
            "wrote \(written) scalars to a 64 KiB file system without an error"
        )
        let onDisk = try readAll(writer.filePath)
        #expect(onDisk.errors.isEmpty && onDisk.pendingByteCount == 0)
        #expect(onDisk.events.count > 1 && onDisk.events.count < written + 1)
        try FileManager.default.removeItem(atPath: ballast)
        try writer.close()
        let after = try readAll(writer.filePath)
        #expect(after.errors.isEmpty)
        // The file-version event and every scalar accepted before the failure (the one that failed stays pending too).
        #expect(after.events.count == written + 1 || after.events.count == written + 2)
        let steps = after.events.dropFirst().map(\.event.step)
        #expect(steps == (0..<Int64(steps.count)).map { $0 })
    }

    private func runCommand(_ path: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

@Suite struct ConcurrencyTests {
    let directory = TemporaryDirectory()

    /// Eight threads write every kind (scalars, text, histograms, images, hparams) to one writer at once: every
    /// record is whole and counted, and each thread's points come back in its order.
    @Test func manyThreadsWritingEveryKindAtOnceLoseNothing() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/threads", options: .init(bufferSize: 8192))
        let threads = 8
        let perThread = 500
        let failures = LockedValue<[String]>([])
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            do {
                for index in 0..<perThread {
                    let step = Int64(index)
                    switch index % 5 {
                    case 0: try writer.scalar("scalar/\(thread)", Float(index), step: step)
                    case 1: try writer.text("text/\(thread)", "line \(index)", step: step)
                    case 2:
                        let values = [Double(index), 1, 2]
                        try writer.histogram("histogram/\(thread)", values: values, step: step, bucketCount: 3)
                    case 3:
                        let pixels = [UInt8(truncatingIfNeeded: index), UInt8(thread), 0, 255]
                        let image = try PixelImage(width: 2, height: 2, format: .gray, pixels: pixels)
                        try writer.image("image/\(thread)", image, step: step)
                    default:
                        try writer.hparams(["thread": .number(Double(thread)), "index": .number(Double(index))])
                    }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        try writer.close()
        #expect(failures.withLock { $0 }.isEmpty)
        let outcome = try readAll(writer.filePath)
        #expect(outcome.errors.isEmpty && outcome.pendingByteCount == 0)
        var steps: [String: [Int64]] = [:]
        var hparamsIndices: [Double: [Double]] = [:]
        for record in outcome.events.dropFirst() {
            let value = try #require(record.event.summary?.values.first)
            steps[value.tag, default: []].append(record.event.step)
            guard value.tag == HParamsPluginData.sessionStartInfoTag else { continue }
            let content = try #require(value.metadata?.pluginData?.content)
            guard case .sessionStartInfo(let start) = try HParamsPluginData(serializedBytes: content).data,
                case .number(let thread) = start.hparams["thread"], case .number(let index) = start.hparams["index"]
            else {
                Issue.record("session start without its hparams")
                continue
            }
            hparamsIndices[thread, default: []].append(index)
        }
        let perKind = perThread / 5
        for thread in 0..<threads {
            for (first, kind) in ["scalar", "text", "histogram", "image"].enumerated() {
                let expected = stride(from: Int64(first), to: Int64(perThread), by: 5).map { $0 }
                #expect(steps["\(kind)/\(thread)"] == expected, "\(kind)/\(thread)")
            }
            #expect(hparamsIndices[Double(thread)] == stride(from: 4.0, to: Double(perThread), by: 5).map { $0 })
        }
        #expect(steps[HParamsPluginData.experimentTag]?.count == threads * perKind)
        #expect(steps[HParamsPluginData.sessionStartInfoTag]?.count == threads * perKind)
        #expect(steps.count == threads * 4 + 2)
    }
}
