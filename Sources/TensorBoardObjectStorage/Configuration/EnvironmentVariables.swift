// EnvironmentVariables.swift: the environment the resolver reads, the process's or a test's.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The environment variables ``S3Configuration/resolve(environment:files:)`` reads: the process's
/// (``process``) or a fixed set (tests). An empty value counts as unset, as botocore treats an empty
/// `AWS_ACCESS_KEY_ID`.
package struct EnvironmentVariables: Sendable {
    private let lookup: @Sendable (String) -> String?

    /// The process's environment, read when asked (`getenv`).
    package static var process: EnvironmentVariables {
        EnvironmentVariables { name in getenv(name).map { String(cString: $0) } }
    }

    /// A fixed set of variables.
    package init(_ values: [String: String]) {
        lookup = { values[$0] }
    }

    /// An environment answered by `lookup`.
    private init(lookup: @escaping @Sendable (String) -> String?) {
        self.lookup = lookup
    }

    /// The value of `name`, or `nil` when it is unset or empty.
    package subscript(_ name: String) -> String? {
        guard let value = lookup(name), !value.isEmpty else { return nil }
        return value
    }
}
