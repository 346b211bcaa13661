// SystemFileReader.swift: reads a shared file through POSIX calls.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads shared files from the file system with `open` and `read`. A path that does not exist (`ENOENT`, or
/// `ENOTDIR` for a missing directory on the way) is no file; any other failure is an error naming the path.
package struct SystemFileReader: ConfigurationFileReader {
    /// The largest file read: shared files are a few kilobytes, and this bounds what a wrong path can cost.
    package static let maximumSize = 1 << 20

    /// A reader of the system's files.
    package init() {}

    /// The bytes of the file at `path`, or `nil` when it does not exist.
    /// - Throws: ``S3ConfigurationError`` with ``S3ConfigurationError/Code/unreadableFile(errno:)``, also
    ///   (`EFBIG`) for a file over ``maximumSize``.
    package func contents(ofFile path: String) throws(S3ConfigurationError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            let error = errno
            if error == ENOENT || error == ENOTDIR { return nil }
            throw S3ConfigurationError(.unreadableFile(errno: error), source: path)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                let error = errno
                if error == EINTR { continue }
                throw S3ConfigurationError(.unreadableFile(errno: error), source: path)
            }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > Self.maximumSize {
                throw S3ConfigurationError(.unreadableFile(errno: EFBIG), source: path)
            }
        }
    }
}
