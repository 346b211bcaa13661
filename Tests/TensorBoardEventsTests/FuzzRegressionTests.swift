import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

/// Every input in fixtures/fuzz/<target>/ once broke an invariant under scripts/fuzz; each is replayed through
/// the same checks (FuzzChecks.swift), so the bug it found stays fixed.
private func fuzzInputs(_ target: String) -> [String] {
    let directory = packageRoot + "/fixtures/fuzz/" + target
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { directory + "/" + $0 }
}

@Suite struct FuzzRegressionTests {
    let directory = TemporaryDirectory()

    @Test func everyTargetHasRegressionInputsOrAnEmptyDirectory() {
        for target in ["records", "protobuf", "events"] {
            var isDirectory: ObjCBool = false
            #expect(
                FileManager.default.fileExists(
                    atPath: packageRoot + "/fixtures/fuzz/" + target,
                    isDirectory: &isDirectory
                ) && isDirectory.boolValue
            )
        }
        #expect(!fuzzInputs("records").isEmpty)
    }

    @Test func recordReaderInputs() throws {
        for path in fuzzInputs("records") {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(FuzzChecks.recordReader(bytes, scratchPath: directory.path + "/input") == [], "\(path)")
        }
    }

    @Test func protobufInputs() throws {
        for path in fuzzInputs("protobuf") {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(FuzzChecks.protobuf(bytes) == [], "\(path)")
        }
    }

    @Test func eventDecoderInputs() throws {
        for path in fuzzInputs("events") {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(FuzzChecks.eventDecoder(bytes) == [], "\(path)")
        }
    }
}
