// S3ConfigurationBoto3Tests.swift: the resolver, the addressing and the signer against what boto3 did in the same
// environment (fixtures/aws-config/cases.json).

import Foundation
import Testing

@testable import TensorBoardObjectStorage

/// Replays each recorded boto3 case through ``S3Configuration/resolve(environment:files:)``,
/// ``S3RequestTarget`` and ``SigV4Signer``.
struct S3ConfigurationBoto3Tests {
    /// The boto3 exception each of our error codes corresponds to.
    private static func boto3Exception(for code: S3ConfigurationError.Code) -> String {
        switch code {
        case .unreadableFile, .notUTF8, .syntax: return "ConfigParseError"
        case .profileNotFound: return "ProfileNotFound"
        case .servicesSectionNotFound: return "InvalidConfigError"
        case .partialCredentials: return "PartialCredentialsError"
        case .noCredentials: return "NoCredentialsError"
        case .invalidRegion: return "InvalidRegionError"
        case .invalidEndpoint: return "ValueError"
        }
    }

    /// The cases are all read (40 when this was written: 26 resolved, 14 errors).
    @Test func casesAreAllPresent() {
        #expect(Boto3ConfigurationCase.all.count == 40)
        #expect(Boto3ConfigurationCase.all.filter { $0.boto3.error != nil }.count == 14)
    }

    /// Where boto3 raised, resolution fails in the corresponding way; where it did not, the credentials and the
    /// region are boto3's.
    @Test(arguments: Boto3ConfigurationCase.all)
    func resolvesAsBoto3Does(recorded: Boto3ConfigurationCase) throws {
        let environment = EnvironmentVariables(recorded.environment)
        let files = InMemoryFiles(files: recorded.files)
        if let exception = recorded.boto3.error {
            #expect(throws: S3ConfigurationError.self) {
                try S3Configuration.resolve(environment: environment, files: files)
            }
            do {
                _ = try S3Configuration.resolve(environment: environment, files: files)
            } catch {
                #expect(Self.boto3Exception(for: error.code) == exception, "\(error)")
            }
            return
        }
        let configuration = try S3Configuration.resolve(environment: environment, files: files)
        let credentials = try #require(recorded.boto3.credentials)
        #expect(configuration.credentials.accessKeyID == credentials.access_key_id)
        #expect(configuration.credentials.secretAccessKey == credentials.secret_access_key)
        #expect(configuration.credentials.sessionToken == credentials.session_token)
        #expect(configuration.region == recorded.boto3.region)
    }

    /// Requests go where boto3 sends them: the same scheme, host (without a default port) and path. The one
    /// difference is deliberate: for us-east-1 boto3 still uses the legacy global host `s3.amazonaws.com`, where
    /// this package uses the regional `s3.us-east-1.amazonaws.com`, which AWS serves alike.
    @Test(arguments: Boto3ConfigurationCase.all.filter { $0.boto3.error == nil })
    func addressesAsBoto3Does(recorded: Boto3ConfigurationCase) throws {
        let configuration = try S3Configuration.resolve(
            environment: EnvironmentVariables(recorded.environment),
            files: InMemoryFiles(files: recorded.files)
        )
        let sent = try #require(SentRequest(recorded.boto3))
        // The fixture lists a prefix (ListObjectsV2, the prefix in the query) and gets an object otherwise.
        let requested = try S3Location(parsing: recorded.location)
        let isListing = requested.key.isEmpty || requested.key.hasSuffix("/")
        let target = configuration.target(
            for: isListing ? try S3Location(bucket: requested.bucket, key: "") : requested
        )
        let boto3Host = sent.host.replacingOccurrences(of: "s3.amazonaws.com", with: "s3.us-east-1.amazonaws.com")
        #expect(target.scheme == sent.scheme)
        #expect(target.host == boto3Host)
        // A bucket's own path is `/bucket` path style and `/` virtual-hosted, for boto3 as for the target.
        #expect(target.path == sent.path)
    }

    /// Signing boto3's request (its host, path, query and signed headers) gives boto3's `Authorization`, byte
    /// for byte, with the credentials and region resolved here.
    @Test(arguments: Boto3ConfigurationCase.all.filter { $0.boto3.error == nil })
    func signsAsBoto3Does(recorded: Boto3ConfigurationCase) throws {
        let configuration = try S3Configuration.resolve(
            environment: EnvironmentVariables(recorded.environment),
            files: InMemoryFiles(files: recorded.files)
        )
        let sent = try #require(SentRequest(recorded.boto3))
        let signed = configuration.signer.sign(sent.request, at: try #require(Boto3ConfigurationCase.time))
        #expect(signed.authorization == sent.authorization)
        #expect(signed.encodedPath == sent.encodedPath)
    }
}
