// eventbench: release-mode benchmarks of the writer and the reader, printing one JSON object per measurement.
// scripts/bench runs it beside the peers (tensorboardX, TensorBoard's writers and loaders, tbparse) and prints
// the comparison table. Benchmarks never run inside `swift test`.
//
// Usage:
//   eventbench write --events N --output DIR [--repetitions R] [--batch]
//                                                                scalar events through SummaryWriter: one call
//                                                                per value, or (--batch) one per step of ten
//   eventbench read --input PATH [--repetitions R]               a log (file or directory) to scalar points,
//                                                                every checksum verified
//   eventbench generate --events N --output FILE                 a large log for the read benchmarks
//   eventbench runs --input LOGDIR [--repetitions R]             Logdir.read of a log directory of many runs
//                                                                (local or s3://), against reading the same
//                                                                runs one after another on one thread

import Foundation
import TensorBoardEvents

#if canImport(Glibc)
import Glibc
#endif

/// Peak resident memory of this process so far, in bytes.
func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

/// The user and system CPU seconds this process has used so far, and its minor page faults.
func processTimes() -> (user: Double, system: Double, faults: Int) {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) * 1e-6 }
    return (seconds(usage.ru_utime), seconds(usage.ru_stime), usage.ru_minflt)
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

func option(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("eventbench: \(message)\n".utf8))
    exit(2)
}

func report(_ fields: [String: Any]) {
    guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) else { return }
    print(String(decoding: data, as: UTF8.self))
}

/// The benchmark's ten tags, as string literals (as a training loop names its series).
let tags = ["tag0", "tag1", "tag2", "tag3", "tag4", "tag5", "tag6", "tag7", "tag8", "tag9"]

/// Writes `events` scalar events (10 tags cycling, increasing steps) into a new run directory; returns the time
/// end to end (open, every call, close with its final flush), the time of the calls alone, and the file size.
func writeScalars(
    events: Int,
    directory: String,
    batches: Bool = false
) throws -> (seconds: Double, callSeconds: Double, bytes: Int) {
    let start = now()
    let writer = try SummaryWriter(runDirectory: directory)
    // The loop around the calls costs as little as a training loop's would: the tags in a local array, the
    // tag and the step counted without a division per call.
    let tags = tags
    var step: Int64 = 0
    var tag = 0
    let callsStart = now()
    if batches {
        // A step's ten values in one call, as a training loop logs its loss and metrics.
        for first in stride(from: 0, to: events - events % 10, by: 10) {
            let value = Double(first) * 0.001
            try writer.scalars(
                [
                    "tag0": value, "tag1": value + 0.001, "tag2": value + 0.002, "tag3": value + 0.003,
                    "tag4": value + 0.004, "tag5": value + 0.005, "tag6": value + 0.006, "tag7": value + 0.007,
                    "tag8": value + 0.008, "tag9": value + 0.009,
                ] as KeyValuePairs,
                step: step
            )
            step += 1
        }
    } else {
        for index in 0..<events {
            try writer.scalar(tags[tag], Float(index) * 0.001, step: step)
            tag += 1
            if tag == tags.count {
                tag = 0
                step += 1
            }
        }
    }
    let callSeconds = now() - callsStart
    try writer.close()
    let seconds = now() - start
    let size = ((try? FileManager.default.attributesOfItem(atPath: writer.filePath))?[.size] as? Int) ?? 0
    return (seconds, callSeconds, size)
}

/// Reads every scalar point of a log (a directory or one file), verifying every checksum, and returns the count,
/// the bytes read and a sum of the values (so that nothing is optimised away).
func readScalars(_ path: String) throws -> (points: Int, bytes: Int, sum: Double) {
    var points = 0
    var bytes = 0
    var sum = 0.0
    for run in try Logdir.discoverRuns(in: path).runs {
        var decoder = RunDecoder(filter: RunDecoder.Filter(kinds: [.scalar]))
        for file in run.files {
            var reader = try EventFileReader(path: file)
            while true {
                let more = try reader.readRecord { _, payload -> Bool in
                    bytes += payload.count + TFRecordFrame.overhead
                    _ = try? decoder.decodeScalars(payload) { point in
                        points += 1
                        sum += point.value
                    }
                    return true
                }
                if more == nil { break }
            }
        }
    }
    return (points, bytes, sum)
}

/// How many points a run read holds.
func pointCount(_ run: LogdirContents.RunContents) -> Int {
    run.points.pointsByTag.values.reduce(0) { $0 + $1.count }
}

/// Reads the log directory `path` whole with `Logdir.read` (its runs on every core at once), or, `oneByOne`, each
/// of its runs in turn on this thread; returns what was read, every run of it held in both cases (so that both
/// do the same work, and freeing it is left out of the time).
func readRuns(_ path: String, oneByOne: Bool) throws -> [LogdirContents] {
    let filter = RunDecoder.Filter(kinds: [.scalar])
    guard oneByOne else { return [try Logdir.read(path, filter: filter)] }
    return try Logdir.discoverRuns(in: path).runs.map { try Logdir.read($0.directory, filter: filter) }
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail("usage: eventbench write|read|generate ...") }
let repetitions = Int(option("--repetitions", in: arguments) ?? "1") ?? 1

do {
    switch command {
    case "write":
        guard let events = Int(option("--events", in: arguments) ?? ""), let output = option("--output", in: arguments)
        else {
            fail("usage: eventbench write --events N --output DIR")
        }
        for repetition in 0..<repetitions {
            let directory = output + "/write-\(repetition)"
            let (seconds, callSeconds, bytes) = try writeScalars(
                events: events,
                directory: directory,
                batches: arguments.contains("--batch")
            )
            try? FileManager.default.removeItem(atPath: directory)
            report([
                "benchmark": "write",
                "tool": arguments.contains("--batch") ? "swift SummaryWriter.scalars" : "swift SummaryWriter",
                "events": events, "seconds": seconds,
                "bytes": bytes, "events_per_second": Double(events) / seconds,
                "ns_per_event": seconds / Double(events) * 1e9, "ns_per_call": callSeconds / Double(events) * 1e9,
                "peak_rss_bytes": peakResidentBytes(),
            ])
        }
    case "read":
        guard let input = option("--input", in: arguments) else { fail("usage: eventbench read --input PATH") }
        for _ in 0..<repetitions {
            let start = now()
            let (points, bytes, sum) = try readScalars(input)
            let seconds = now() - start
            report([
                "benchmark": "read", "tool": "swift RunDecoder", "events": points, "seconds": seconds,
                "bytes": bytes, "events_per_second": Double(points) / seconds,
                "megabytes_per_second": Double(bytes) / seconds / 1e6, "checksum": sum,
                "peak_rss_bytes": peakResidentBytes(),
            ])
        }
    case "runs":
        guard let input = option("--input", in: arguments) else {
            fail("usage: eventbench runs --input LOGDIR [--only parallel|one-by-one]")
        }
        for _ in 0..<repetitions {
            // `--only parallel` or `--only one-by-one` measures one of the two (for a profiler).
            let modes = [true, false].filter { option("--only", in: arguments) != ($0 ? "parallel" : "one-by-one") }
            for oneByOne in modes {
                let (start, before) = (now(), processTimes())
                let contents = try readRuns(input, oneByOne: oneByOne)
                let (seconds, after) = (now() - start, processTimes())
                let points = contents.flatMap(\.runs).reduce(0) { $0 + pointCount($1) }
                report([
                    "benchmark": "runs",
                    "tool": oneByOne ? "swift Logdir.read, one run at a time" : "swift Logdir.read",
                    "events": points, "seconds": seconds, "events_per_second": Double(points) / seconds,
                    "cores": ProcessInfo.processInfo.activeProcessorCount,
                    "user_seconds": after.user - before.user, "system_seconds": after.system - before.system,
                    "minor_faults": after.faults - before.faults,
                ])
            }
        }
    case "generate":
        guard let events = Int(option("--events", in: arguments) ?? ""), let output = option("--output", in: arguments)
        else {
            fail("usage: eventbench generate --events N --output DIR")
        }
        let (seconds, _, bytes) = try writeScalars(events: events, directory: output)
        report(["benchmark": "generate", "events": events, "seconds": seconds, "bytes": bytes])
    default:
        fail("unknown command '\(command)'")
    }
} catch {
    fail("\(error)")
}
