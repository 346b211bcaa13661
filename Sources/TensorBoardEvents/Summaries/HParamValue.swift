// HParamValue.swift: the value of one hyperparameter.

/// The value of a hyperparameter: a number, a string or a Boolean, as the HParams dashboard shows them.
public enum HParamValue: Sendable, Equatable, Hashable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, CustomStringConvertible
{
    /// A number (stored as a double).
    case number(Double)
    /// A string.
    case string(String)
    /// A Boolean.
    case bool(Bool)

    /// Creates a number.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// Creates a number.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    /// Creates a string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// Creates a Boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// The value as `google.protobuf.Value`.
    public var protobufValue: ProtobufValue {
        switch self {
        case .number(let number): return .number(number)
        case .string(let string): return .string(string)
        case .bool(let bool): return .bool(bool)
        }
    }

    /// The hparams plugin's type for this kind of value (`DATA_TYPE_FLOAT64`, `_STRING` or `_BOOL`).
    public var hparamsType: Int32 {
        switch self {
        case .number: return HParamsPluginData.Experiment.HParamInfo.typeFloat64
        case .string: return HParamsPluginData.Experiment.HParamInfo.typeString
        case .bool: return HParamsPluginData.Experiment.HParamInfo.typeBool
        }
    }

    /// The value as text: numbers as Swift prints doubles, strings as they are.
    public var description: String {
        switch self {
        case .number(let number): return "\(number)"
        case .string(let string): return string
        case .bool(let bool): return "\(bool)"
        }
    }
}
