// ObjectStores.swift: the object store that s3:// paths are read from and written to.

/// The store behind `s3://` paths given to the public API: resolved from the environment and the AWS tools'
/// shared files on first use, then kept for the life of the process.
package enum ObjectStores {
    /// The store for `s3://` paths.
    /// - Throws: ``ObjectStoreError`` `.configuration` when the configuration cannot be resolved.
    package static func shared(for location: S3Location) throws(ObjectStoreError) -> any ObjectStore {
        throw ObjectStoreError(.transport(reason: "no S3 client is built in yet"), location: location.description)
    }
}
