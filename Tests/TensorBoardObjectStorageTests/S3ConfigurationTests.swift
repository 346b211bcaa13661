// S3ConfigurationTests.swift: resolution rules boto3 does not show, real files, and secrets kept out of text.

import Foundation
import TestSupport
import Testing

@testable import TensorBoardObjectStorage

/// ``S3Configuration/resolve(environment:files:)`` beyond the boto3 fixtures: `AWS_REGION` (which the AWS CLI
/// v2 reads first and boto3 does not read), the file system through ``SystemFileReader`` under an overridden
/// `HOME`, and secrets never printed.
struct S3ConfigurationTests {
    private static let keys = ["AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "topsecret/value"]

    /// `AWS_REGION` beats `AWS_DEFAULT_REGION`, as the AWS CLI v2 documents.
    @Test func awsRegionBeatsAWSDefaultRegion() throws {
        let environment = EnvironmentVariables(
            Self.keys.merging(["AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "us-west-2"]) { $1 }
        )
        let configuration = try S3Configuration.resolve(environment: environment, files: InMemoryFiles(files: [:]))
        #expect(configuration.region == "eu-west-1")
    }

    /// With nothing configured but keys, the region is us-east-1 and the endpoint AWS.
    @Test func defaultsToUSEast1OnAWS() throws {
        let configuration = try S3Configuration.resolve(
            environment: EnvironmentVariables(Self.keys),
            files: InMemoryFiles(files: [:])
        )
        #expect(configuration.region == "us-east-1")
        #expect(configuration.endpoint == nil)
        #expect(configuration.profile == "default")
    }

    /// Real files under a `HOME` of the test's choosing; a missing file is no file, a directory in its place an
    /// error naming it.
    @Test func readsTheFilesUnderHOME() throws {
        let home = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: home.path + "/.aws", withIntermediateDirectories: true)
        #expect(
            writeFile(
                Array("[ceph]\naws_access_key_id = K\naws_secret_access_key = S\n".utf8),
                to: home.path + "/.aws/credentials"
            )
        )
        #expect(
            writeFile(
                Array("[profile ceph]\nendpoint_url = http://localhost:8000\n".utf8),
                to: home.path + "/.aws/config"
            )
        )
        let environment = EnvironmentVariables(["HOME": home.path, "AWS_PROFILE": "ceph"])
        let configuration = try S3Configuration.resolve(environment: environment, files: SystemFileReader())
        #expect(configuration.credentials == AWSCredentials(accessKeyID: "K", secretAccessKey: "S"))
        #expect(configuration.endpoint?.description == "http://localhost:8000")

        try FileManager.default.removeItem(atPath: home.path + "/.aws/config")
        try FileManager.default.createDirectory(atPath: home.path + "/.aws/config", withIntermediateDirectories: true)
        #expect(throws: S3ConfigurationError(.unreadableFile(errno: EISDIR), source: home.path + "/.aws/config")) {
            try S3Configuration.resolve(environment: environment, files: SystemFileReader())
        }
    }

    /// No `HOME`: the default files are not read, and missing credentials say where they were looked for.
    @Test func withoutHOMEReadsNoDefaultFiles() {
        let expected = S3ConfigurationError(
            .noCredentials(profile: "default", searched: []),
            source: "S3 configuration"
        )
        #expect(throws: expected) {
            try S3Configuration.resolve(environment: EnvironmentVariables([:]), files: InMemoryFiles(files: [:]))
        }
    }

    /// A file that is not UTF-8 is refused by name.
    @Test func refusesAFileThatIsNotUTF8() {
        let files = InMemoryFiles(files: ["/h/.aws/config": [0x5B, 0xFF, 0x5D]])
        #expect(throws: S3ConfigurationError(.notUTF8, source: "/h/.aws/config")) {
            try S3Configuration.resolve(environment: EnvironmentVariables(["HOME": "/h"]), files: files)
        }
    }

    /// Printing credentials or a configuration, or dumping them, shows the access key id and never the secret
    /// or the token.
    @Test func printsNoSecret() {
        let credentials = AWSCredentials(
            accessKeyID: "AKIDPRINTED",
            secretAccessKey: "s3cr3t-value",
            sessionToken: "t0ken-value"
        )
        let configuration = S3Configuration(profile: "p", credentials: credentials, region: "eu-west-1", endpoint: nil)
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in ["\(credentials)", String(reflecting: credentials), "\(configuration)", dumped] {
            #expect(text.contains("AKIDPRINTED"))
            #expect(!text.contains("s3cr3t-value"))
            #expect(!text.contains("t0ken-value"))
        }
        #expect(
            "\(configuration)"
                == "profile p, region eu-west-1, endpoint AWS, access key id AKIDPRINTED (secret hidden, session token hidden)"
        )
    }

    /// No error of the boto3 cases quotes a secret of its environment or files.
    @Test(arguments: Boto3ConfigurationCase.all.filter { $0.boto3.error != nil })
    func errorsQuoteNoSecret(recorded: Boto3ConfigurationCase) throws {
        let error = try #require(throws: S3ConfigurationError.self) {
            try S3Configuration.resolve(
                environment: EnvironmentVariables(recorded.environment),
                files: InMemoryFiles(files: recorded.files)
            )
        }
        let texts = recorded.files.values.map { String(decoding: $0, as: UTF8.self) }
        let secrets =
            texts.flatMap { text in
                text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
                    guard line.contains("secret_access_key") else { return nil }
                    return line.split(separator: "=", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
                }
            } + [recorded.environment["AWS_SECRET_ACCESS_KEY"]].compactMap { $0 }
        for secret in secrets { #expect(!error.description.contains(secret), "\(error)") }
    }

    /// The messages of the commonest faults, verbatim.
    @Test func messagesNameWhereAndWhat() {
        #expect(
            S3ConfigurationError(.partialCredentials(missing: "AWS_SECRET_ACCESS_KEY"), source: "environment")
                .description
                == "environment: an access key id is given without its secret access key (AWS_SECRET_ACCESS_KEY is missing)"
        )
        #expect(
            S3ConfigurationError(
                .profileNotFound(name: "ceph", searched: ["/h/.aws/credentials", "/h/.aws/config"]),
                source: "AWS_PROFILE"
            )
            .description == "AWS_PROFILE: profile 'ceph' is in neither /h/.aws/credentials nor /h/.aws/config"
        )
        #expect(
            S3ConfigurationError(.invalidRegion("eu_west_1"), source: "AWS_DEFAULT_REGION").description
                == "AWS_DEFAULT_REGION: a region must be letters, digits and hyphens (as us-east-1). Received: eu_west_1"
        )
    }
}
