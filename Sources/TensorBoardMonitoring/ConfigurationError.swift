// ConfigurationError.swift: the one error a training or monitoring type throws when it is made with a bad value.

/// A parameter given to an initialiser is outside what the type allows: thrown when the value is received, so
/// that a bad configuration fails where it is written rather than trapping or misbehaving later in training.
///
/// The ``description`` names the type, the parameter, what is allowed and the value received, as
/// `ReduceLROnPlateau: factor must be below 1. Received: factor=1.5`.
public struct ConfigurationError: Swift.Error, Sendable, Equatable, CustomStringConvertible {
    /// The type being made, such as `"ReduceLROnPlateau"`.
    public let type: String
    /// The parameter's name, as written at the call site (`"factor"`).
    public let parameter: String
    /// The value received, as text.
    public let received: String
    /// What the parameter allows, as a phrase that follows "must" (`"be below 1"`), or a whole sentence when
    /// ``parameter`` is empty.
    public let allowed: String

    /// Creates an error.
    /// - Parameters:
    ///   - type: The type being made.
    ///   - parameter: The parameter's name.
    ///   - received: The value received, as text.
    ///   - allowed: What the parameter allows, following "must".
    public init(type: String, parameter: String, received: String, allowed: String) {
        self.type = type
        self.parameter = parameter
        self.received = received
        self.allowed = allowed
    }

    /// `Type: parameter must <allowed>. Received: parameter=<value>`.
    public var description: String {
        "\(type): \(parameter) must \(allowed). Received: \(parameter)=\(received)"
    }

    /// Throws unless `value` is at least `minimum` (a count, a patience or a cooldown).
    /// - Parameters:
    ///   - value: The value received.
    ///   - minimum: The smallest allowed value.
    ///   - parameter: The parameter's name.
    ///   - type: The type being made.
    /// - Throws: ``ConfigurationError`` naming `parameter` and `value` when `value < minimum`.
    public static func require(
        _ value: Int,
        atLeast minimum: Int,
        _ parameter: String,
        in type: String
    ) throws(ConfigurationError) {
        guard value >= minimum else {
            let allowed = minimum == 0 ? "not be negative" : "be at least \(minimum)"
            throw ConfigurationError(type: type, parameter: parameter, received: "\(value)", allowed: allowed)
        }
    }
}
