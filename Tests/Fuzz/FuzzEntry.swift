// FuzzEntry.swift: the libFuzzer entry point. scripts/fuzz compiles this file with the library's sources and
// FuzzChecks.swift into one fuzzer per target, choosing the target with -D FUZZ_RECORDS, FUZZ_PROTOBUF or
// FUZZ_EVENTS. A broken invariant traps, which libFuzzer reports as a crash with the input saved.

import Foundation

#if FUZZ_RECORDS
private let scratchPath = "/dev/shm/tbevents-fuzz-\(getpid())"
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { [UInt8](UnsafeBufferPointer(start: $0, count: size)) } ?? []
    #if FUZZ_RECORDS
    let problems = FuzzChecks.recordReader(bytes, scratchPath: scratchPath)
    #elseif FUZZ_PROTOBUF
    let problems = FuzzChecks.protobuf(bytes)
    #elseif FUZZ_EVENTS
    let problems = FuzzChecks.eventDecoder(bytes)
    #else
    let problems = ["no fuzz target chosen"]
    #endif
    if !problems.isEmpty {
        fatalError("broken invariant: \(problems.joined(separator: "; "))")
    }
    return 0
}
