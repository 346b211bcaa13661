// S3Configuration+Resolution.swift: the configuration read from the environment and the shared files, in the
// AWS tools' order.

extension S3Configuration {
    /// The region used when none is configured, as boto3 uses for S3.
    package static let defaultRegion = "us-east-1"

    /// Resolves the configuration as the AWS CLI v2 and boto3 do, for what they commonly read.
    ///
    /// - Profile: `AWS_PROFILE`, else `default`. A profile named by `AWS_PROFILE` must exist in one of the files.
    /// - Credentials, the first complete source: `AWS_ACCESS_KEY_ID` with `AWS_SECRET_ACCESS_KEY` (and
    ///   `AWS_SESSION_TOKEN`); the profile's `aws_access_key_id`, `aws_secret_access_key` (and
    ///   `aws_session_token`) in the credentials file; the same in the config file.
    /// - Region: `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`, else us-east-1.
    /// - Endpoint: `S3_ENDPOINT` (TensorBoard hands it to boto3 as the client's `endpoint_url`, which wins over
    ///   every configured one); then, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` or the profile's
    ///   `ignore_configured_endpoint_urls` is `true`: `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`, `endpoint_url`
    ///   under `s3` in the profile's `[services name]` section, the profile's `endpoint_url`; else AWS.
    ///
    /// A profile's settings (`region`, `services`, `endpoint_url`, `ignore_configured_endpoint_urls`) are read
    /// from the config file's profile with the credentials file's section laid over it, as botocore does.
    ///
    /// - Parameters:
    ///   - environment: The environment variables (the process's by default).
    ///   - files: Reads the shared files (the file system by default).
    /// - Throws: ``S3ConfigurationError`` for an unreadable or malformed file, a missing profile or services
    ///   section, incomplete or missing credentials, an invalid region or endpoint.
    package static func resolve(
        environment: EnvironmentVariables = .process,
        files reader: some ConfigurationFileReader = SystemFileReader()
    ) throws(S3ConfigurationError) -> S3Configuration {
        let files = try AWSSharedFiles(environment: environment, reader: reader)
        let profile = environment["AWS_PROFILE"] ?? "default"
        let scoped = files.scopedProfile(profile)
        if environment["AWS_PROFILE"] != nil, scoped == nil {
            throw S3ConfigurationError(.profileNotFound(name: profile, searched: files.paths), source: "AWS_PROFILE")
        }
        return S3Configuration(
            profile: profile,
            credentials: try credentials(environment: environment, files: files, profile: profile),
            region: try region(environment: environment, name: profile, profile: scoped),
            endpoint: try endpoint(environment: environment, files: files, name: profile, profile: scoped)
        )
    }

    /// The first complete access key pair: the environment's, the credentials file's, the config file's.
    private static func credentials(
        environment: EnvironmentVariables,
        files: AWSSharedFiles,
        profile: String
    )
        throws(S3ConfigurationError) -> AWSCredentials
    {
        if let keyID = environment["AWS_ACCESS_KEY_ID"] {
            guard let secret = environment["AWS_SECRET_ACCESS_KEY"] else {
                throw S3ConfigurationError(.partialCredentials(missing: "AWS_SECRET_ACCESS_KEY"), source: "environment")
            }
            return AWSCredentials(
                accessKeyID: keyID,
                secretAccessKey: secret,
                sessionToken: environment["AWS_SESSION_TOKEN"]
            )
        }
        let sections = [
            (files.credentialsProfile(profile), files.credentialsPath),
            (files.configProfile(profile), files.configPath),
        ]
        for case (let section?, let path) in sections {
            guard let keyID = nonEmpty(section.values["aws_access_key_id"]) else { continue }
            guard let secret = nonEmpty(section.values["aws_secret_access_key"]) else {
                let source = "\(path ?? "?"): profile \(profile)"
                throw S3ConfigurationError(.partialCredentials(missing: "aws_secret_access_key"), source: source)
            }
            let token = nonEmpty(section.values["aws_session_token"])
            return AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: token)
        }
        throw S3ConfigurationError(.noCredentials(profile: profile, searched: files.paths), source: "S3 configuration")
    }

    /// `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`, else ``defaultRegion``; checked as botocore
    /// checks region names.
    private static func region(
        environment: EnvironmentVariables,
        name: String,
        profile: INISection?
    )
        throws(S3ConfigurationError) -> String
    {
        let candidates: [(String?, String)] = [
            (environment["AWS_REGION"], "AWS_REGION"),
            (environment["AWS_DEFAULT_REGION"], "AWS_DEFAULT_REGION"),
            (nonEmpty(profile?.values["region"]), "profile \(name) region"),
        ]
        guard let (value, source) = candidates.first(where: { $0.0 != nil }), let region = value else {
            return defaultRegion
        }
        let bytes = Array(region.utf8)
        let isNameByte = { (byte: UInt8) in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 45
        }
        guard (1...63).contains(bytes.count), bytes.allSatisfy(isNameByte), bytes.first != 45, bytes.last != 45 else {
            throw S3ConfigurationError(.invalidRegion(region), source: source)
        }
        return region
    }

    /// The custom endpoint, or `nil` for AWS, in botocore's order.
    private static func endpoint(
        environment: EnvironmentVariables,
        files: AWSSharedFiles,
        name profile: String,
        profile section: INISection?
    ) throws(S3ConfigurationError) -> S3Endpoint? {
        if let url = environment["S3_ENDPOINT"] { return try S3Endpoint(parsing: url, source: "S3_ENDPOINT") }
        let configPath = files.configPath ?? "?"
        let ignored =
            environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] ?? section?.values["ignore_configured_endpoint_urls"]
        if ignored?.lowercased() == "true" { return nil }
        for variable in ["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"] {
            if let url = environment[variable] { return try S3Endpoint(parsing: url, source: variable) }
        }
        guard let section else { return nil }
        if let services = nonEmpty(section.values["services"]) {
            guard let block = files.servicesSection(services) else {
                let code = S3ConfigurationError.Code.servicesSectionNotFound(profile: profile, section: services)
                throw S3ConfigurationError(code, source: configPath)
            }
            if let url = nonEmpty(block.subsections["s3"]?["endpoint_url"]) {
                return try S3Endpoint(parsing: url, source: "\(configPath): [services \(services)] s3 endpoint_url")
            }
        }
        if let url = nonEmpty(section.values["endpoint_url"]) {
            return try S3Endpoint(parsing: url, source: "profile \(profile) endpoint_url")
        }
        return nil
    }

    /// `value`, or `nil` when it is missing or empty.
    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
