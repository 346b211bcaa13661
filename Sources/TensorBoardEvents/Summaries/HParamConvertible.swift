// HParamConvertible.swift: the plain Swift values a hyperparameter may be given as.

/// A value that can be logged as a hyperparameter: `Double`, `Float`, every standard integer type, `String`,
/// `Bool` and ``HParamValue`` itself, so that `writer.hparams(["lr": lr, "layers": 3], ...)` takes variables as
/// well as literals.
public protocol HParamConvertible: Sendable {
    /// The value as the HParams dashboard shows it.
    var hparamValue: HParamValue { get }
}

extension HParamValue: HParamConvertible {
    /// The value itself.
    public var hparamValue: HParamValue { self }
}

extension Double: HParamConvertible {
    /// The number.
    public var hparamValue: HParamValue { .number(self) }
}

extension Float: HParamConvertible {
    /// The number the `Float`'s shortest decimal text names, read as a `Double`: `Float(0.1)` is shown as 0.1,
    /// as written in the source, not as 0.10000000149011612, the double nearest the float.
    public var hparamValue: HParamValue { .number(Double(description) ?? Double(self)) }
}

extension String: HParamConvertible {
    /// The string.
    public var hparamValue: HParamValue { .string(self) }
}

extension Bool: HParamConvertible {
    /// The Boolean.
    public var hparamValue: HParamValue { .bool(self) }
}

extension Int: HParamConvertible {
    /// The number (a double, as the HParams dashboard stores every number; exact up to 2^53 in magnitude).
    public var hparamValue: HParamValue { .number(Double(self)) }
}

extension Int8: HParamConvertible {
    /// The number, exactly.
    public var hparamValue: HParamValue { .number(Double(self)) }
}

extension Int16: HParamConvertible {
    /// The number, exactly.
    public var hparamValue: HParamValue { .number(Double(self)) }
}

extension Int32: HParamConvertible {
    /// The number, exactly.
    public var hparamValue: HParamValue { .number(Double(self)) }
}

extension Int64: HParamConvertible {
    /// The number (a double; exact up to 2^53 in magnitude).
    public var hparamValue: HParamValue { .number(Double(self)) }
}

extension UInt: HParamConvertible {
    /// The number (a double; exact up to 2^53).
    public var hparamValue: HParamValue { .number(Double(self)) }
}

extension UInt8: HParamConvertible {
    /// The number, exactly.
    public var hparamValue: HParamValue { .number(Double(self)) }
}

extension UInt16: HParamConvertible {
    /// The number, exactly.
    public var hparamValue: HParamValue { .number(Double(self)) }
}

extension UInt32: HParamConvertible {
    /// The number, exactly.
    public var hparamValue: HParamValue { .number(Double(self)) }
}

extension UInt64: HParamConvertible {
    /// The number (a double; exact up to 2^53).
    public var hparamValue: HParamValue { .number(Double(self)) }
}
