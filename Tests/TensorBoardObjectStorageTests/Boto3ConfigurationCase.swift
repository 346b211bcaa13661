// Boto3ConfigurationCase.swift: one case of fixtures/aws-config/cases.json, what boto3 resolved and sent for an
// environment and shared files (scripts/make_aws_config_fixtures.py).

import Foundation
import TestSupport

@testable import TensorBoardObjectStorage

/// One recorded case: the environment, the shared files and the location given to boto3, and what boto3 did:
/// the credentials, region and request (URL, signed headers, `Authorization`) it made, or the exception it raised.
struct Boto3ConfigurationCase: Sendable, CustomStringConvertible {
    /// What boto3 did.
    struct Outcome: Decodable, Sendable {
        struct Credentials: Decodable, Sendable {
            let access_key_id: String
            let secret_access_key: String
            let session_token: String?
        }
        let error: String?
        let region: String?
        let method: String?
        let url: String?
        let headers: [String: String]?
        let credentials: Credentials?
    }

    /// The case as stored.
    private struct Stored: Decodable {
        let name: String
        let environment: [String: String]
        let files: [String: String]
        let location: String
        let boto3: Outcome
    }

    /// The HOME the cases are replayed under (the fixture writes `$HOME` for the generator's temporary one).
    static let home = "/home/tester"

    /// The case's name.
    let name: String
    /// The environment, `$HOME` replaced and `HOME` set.
    let environment: [String: String]
    /// The files, by absolute path under ``home``.
    let files: [String: [UInt8]]
    /// The location requested.
    let location: String
    /// What boto3 did.
    let boto3: Outcome

    var description: String { name }

    /// The file's layout.
    private struct File: Decodable {
        let time: String
        let cases: [Stored]
    }

    /// The file, or `nil` when it cannot be read.
    private static let file: File? = {
        let path = packageRoot + "/fixtures/aws-config/cases.json"
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(File.self, from: data)
    }()

    /// The time botocore's clock was set to, as Foundation parses the file's `time`.
    static let time: SigningTime? = file.flatMap { ISO8601DateFormatter().date(from: $0.time) }.map {
        SigningTime(secondsSince1970: Int64($0.timeIntervalSince1970))
    }

    /// Every case; empty when the file cannot be read.
    static let all: [Boto3ConfigurationCase] = {
        guard let file else { return [] }
        return file.cases.map { stored in
            var environment = stored.environment.mapValues { $0.replacingOccurrences(of: "$HOME", with: home) }
            environment["HOME"] = home
            return Boto3ConfigurationCase(
                name: stored.name,
                environment: environment,
                files: Dictionary(
                    uniqueKeysWithValues: stored.files.map { (home + "/" + $0.key, Array($0.value.utf8)) }
                ),
                location: stored.location,
                boto3: stored.boto3
            )
        }
    }()
}

/// Shared files held in memory, by path.
struct InMemoryFiles: ConfigurationFileReader {
    /// The files.
    let files: [String: [UInt8]]

    func contents(ofFile path: String) throws(S3ConfigurationError) -> [UInt8]? { files[path] }
}
