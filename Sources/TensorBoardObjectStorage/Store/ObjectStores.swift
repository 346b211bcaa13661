// ObjectStores.swift: the object store that s3:// paths are read from and written to.

import Synchronization

/// The store behind `s3://` paths given to the public API: an ``S3Client`` over ``URLSessionTransport/shared``,
/// configured by ``S3Configuration/resolve(environment:files:)`` from the process's environment and the AWS tools'
/// shared files on first use, then kept for the life of the process (one client serves every bucket).
///
/// A failed resolution is not kept: the next call resolves again, so a process that fixes its environment (or a
/// credentials file that appears) recovers, and resolving costs only two small file reads.
package enum ObjectStores {
    /// The client, once resolved.
    private static let client = Mutex<S3Client?>(nil)

    /// The store for `s3://` paths.
    /// - Parameter location: The location about to be used, named by the error when resolution fails.
    /// - Throws: ``ObjectStoreError`` `.configuration` when the configuration cannot be resolved.
    package static func shared(for location: S3Location) throws(ObjectStoreError) -> any ObjectStore {
        try client.withLock { (cached) throws(ObjectStoreError) -> S3Client in
            if let cached { return cached }
            do throws(S3ConfigurationError) {
                let configuration = try S3Configuration.resolve(environment: .process, files: SystemFileReader())
                let resolved = S3Client(configuration: configuration)
                cached = resolved
                return resolved
            } catch {
                throw ObjectStoreError(.configuration(error), location: location.description)
            }
        }
    }
}
