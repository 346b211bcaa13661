// TestSupport.swift: helpers every test target shares (fixtures' location, temporary directories, random inputs).

import Foundation

/// The package's root directory (for fixtures).
public let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
}()

/// A fresh temporary directory, removed when the object is deinitialised.
public final class TemporaryDirectory {
    /// The directory's path.
    public let path: String

    /// Creates the directory under the system's temporary directory.
    public init() {
        path = FileManager.default.temporaryDirectory.path + "/tbevents-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Writes `bytes` to `path` in place (no temporary file, unlike `FileManager.createFile`, which leaves an
/// empty directory in /tmp behind on Linux); `true` on success.
@discardableResult
public func writeFile(_ bytes: some Sequence<UInt8>, to path: String) -> Bool {
    (try? Data(bytes).write(to: URL(fileURLWithPath: path))) != nil
}

/// A small deterministic random generator (SplitMix64), so that "random" test inputs are the same every run.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
