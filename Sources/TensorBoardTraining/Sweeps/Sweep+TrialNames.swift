// Sweep+TrialNames.swift: the readable, path-safe name of a trial, built from its setting and seed.

import TensorBoardEvents

extension Sweep {
    /// The name of the trial of `setting` with `seed`: `<name>-<value>` for each hyperparameter in sorted name
    /// order, then `seed-<seed>`, joined by `_`, as `hidden_units-32_learning_rate-0.05_seed-1`.
    ///
    /// Values are printed as Python prints them, so a name matches what a Python sweep of the same values would
    /// call it: integers as integers (`32`), other numbers as `repr` of a float (`0.05`, `1.0`, `1e-05`),
    /// Booleans as `True` and `False`, strings as they are. The name is one path component whatever the values
    /// hold: every byte other than an ASCII letter, digit, `.`, `_`, `+` or `-` is written as `%XX` (`adam/w` is
    /// `adam%2Fw`), and it never is `.` or `..`, since it holds a `-`. The trials of one setting differ only in
    /// `seed-<n>`, so the pattern `seed-\d+` groups them.
    /// - Parameters:
    ///   - setting: The hyperparameter values, without the seed.
    ///   - seed: The seed.
    /// - Returns: The name.
    public static func trialName(setting: [String: any HParamConvertible], seed: Int) -> String {
        var parts: [String] = []
        for key in setting.keys.sorted() {
            guard let value = setting[key] else { continue }
            parts.append(pathSafe(key) + "-" + pathSafe(pythonText(value)))
        }
        parts.append(seedName + "-" + String(seed))
        return parts.joined(separator: "_")
    }

    /// The value as Python's `str` prints the same Python value: integer types as integers, other numbers as
    /// floats (`repr`), Booleans as `True`/`False`, strings as they are.
    static func pythonText(_ value: any HParamConvertible) -> String {
        if let integer = value as? any BinaryInteger { return String(integer) }
        switch value.hparamValue {
        case .number(let number): return pythonRepr(number)
        case .string(let string): return string
        case .bool(let bool): return bool ? "True" : "False"
        }
    }

    /// `text` with every byte other than an ASCII letter, digit, `.`, `_`, `+` or `-` written as `%XX`.
    static func pathSafe(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "+"),
                UInt8(ascii: "-"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count < 2 ? "0" + hex : hex)
            }
        }
        return result
    }
}
