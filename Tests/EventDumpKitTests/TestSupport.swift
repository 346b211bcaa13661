// Shared helpers for the eventdump tests.

import Foundation
import Synchronization
import TestSupport

@testable import EventDumpKit

/// What one run of the tool printed.
struct Invocation: Equatable {
    var status: Int32
    var output: String
    var errors: String
}

/// Runs eventdump in this process.
func eventdump(_ arguments: String...) -> Invocation {
    eventdump(arguments)
}

func eventdump(_ arguments: [String]) -> Invocation {
    let output = StringSink()
    let errors = StringSink()
    let status = EventDump.run(arguments, output: output, errors: errors)
    return Invocation(status: status, output: output.text, errors: errors.text)
}

/// The built `eventdump` binary next to the test bundle (`swift build` builds it).
func eventdumpBinary() -> String? {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [directory.appendingPathComponent("eventdump").path, packageRoot + "/.build/debug/eventdump"]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Runs `executable` with standard input empty and returns its exit status and standard output (standard error
/// is left to the test's own).
func runCapturingOutput(
    _ executable: String,
    _ arguments: [String],
    environment: [String: String]? = nil
) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}

/// Runs the real binary.
func runBinary(_ binary: String, _ arguments: [String]) throws -> Invocation {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Invocation(
        status: process.terminationStatus,
        output: String(decoding: outputData, as: UTF8.self),
        errors: String(decoding: errorData, as: UTF8.self)
    )
}

/// The records of a TFRecord file, found from its framing alone (TensorFlow's format: an 8-byte little-endian
/// length, its 4-byte checksum, the payload, the payload's 4-byte checksum), checksums not checked: each
/// record's offset and payload length. Independent of the reader under test; stops at an incomplete record.
func recordFrames(_ bytes: [UInt8]) -> [(offset: Int, length: Int)] {
    var frames: [(offset: Int, length: Int)] = []
    var offset = 0
    while bytes.count - offset >= 12 {
        let length = bytes[offset..<(offset + 8)].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard length <= UInt64(bytes.count - offset - 16) else { break }
        frames.append((offset, Int(length)))
        offset += 16 + Int(length)
    }
    return frames
}

/// The paths of the event files directly in `directory`, sorted by name.
func eventFiles(in directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains("tfevents") }.sorted().map {
        directory + "/" + $0
    }
}

/// Copies a fixture log directory to `destination`.
func copyFixture(_ name: String, to destination: String) throws {
    try FileManager.default.copyItem(atPath: packageRoot + "/fixtures/peers/" + name, toPath: destination)
}

/// The shortest text that reads back as `value`, as the tool prints numbers.
func number(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    return value.description
}

/// A standard output whose writes fail with `code` (as `EPIPE` for a closed pipe, `ENOSPC` for `/dev/full`)
/// once `capacity` bytes have been written, keeping what fitted. Its error, like the real sink's, is an atomic:
/// a reading thread asks for it while the writing thread writes.
final class FailingSink: TextSink {
    private let code: Int32
    private let capacity: Int
    private(set) var text = ""
    private let failure = Atomic<Int32>(0)

    var writeError: Int32? {
        let code = failure.load(ordering: .relaxed)
        return code == 0 ? nil : code
    }

    private var firstWriteDelay: Double
    private let writeDelay: Double

    /// A sink that fails with `code` once `capacity` bytes were written, its first write taking
    /// `firstWriteDelay` seconds and every write `writeDelay` (a slow reader of a pipe, so that reading runs far
    /// ahead of the output).
    init(failingWith code: Int32, after capacity: Int = 0, firstWriteDelay: Double = 0, writeDelay: Double = 0) {
        self.code = code
        self.capacity = capacity
        self.firstWriteDelay = firstWriteDelay
        self.writeDelay = writeDelay
    }

    func write(_ text: String) { append(Array(text.utf8)) }
    func write(bytes: UnsafeRawBufferPointer) { append(Array(bytes)) }
    func flush() {}

    private func append(_ bytes: [UInt8]) {
        if firstWriteDelay > 0 {
            Thread.sleep(forTimeInterval: firstWriteDelay)
            firstWriteDelay = 0
        }
        if writeDelay > 0 { Thread.sleep(forTimeInterval: writeDelay) }
        guard writeError == nil else { return }
        let room = capacity - text.utf8.count
        guard bytes.count <= room else {
            text += String(decoding: bytes.prefix(max(0, room)), as: UTF8.self)
            failure.store(code, ordering: .relaxed)
            return
        }
        text += String(decoding: bytes, as: UTF8.self)
    }
}

/// A standard output that says it is a terminal.
final class TerminalSink: TextSink {
    private(set) var text = ""
    var isTerminal: Bool { true }
    func write(_ text: String) { self.text += text }
    func write(bytes: UnsafeRawBufferPointer) { text += String(decoding: bytes, as: UTF8.self) }
    func flush() {}
}
