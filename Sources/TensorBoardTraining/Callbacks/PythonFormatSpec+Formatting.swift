// PythonFormatSpec+Formatting.swift: `format(value, spec)` for ints and floats, laid out as CPython does.

import Foundation

extension PythonFormatSpec {
    /// `format(value, spec)` for a Python int: `d` (or no type) with sign, grouping and padding; the float types
    /// format the int converted to a float, as Python does.
    /// - Throws: ``Refusal`` where Python raises (a precision or `z` with `d`), or for the types not supported
    ///   here (`b`, `c`, `n`, `o`, `x`, `X`).
    func format(_ value: Int) throws(Refusal) -> String {
        switch type {
        case nil, "d"?:
            guard precision == nil else { throw Refusal(reason: "Precision not allowed in integer format specifier") }
            guard !coercesNegativeZero else {
                throw Refusal(reason: "Negative zero coercion (z) not allowed in integer format specifier")
            }
            return laidOut(negative: value < 0, digits: String(value.magnitude), rest: "")
        case let type? where "eEfFgG%".contains(type):
            return try format(Double(value))
        case let type?:
            throw Refusal(reason: "the format code '\(type)' is not supported for an integer here")
        }
    }

    /// `format(value, spec)` for a Python float: `e`, `f`, `g`, `%` (and upper-case forms) or no type.
    /// - Throws: ``Refusal`` where Python raises (`d` and the other integer codes), or for `n` (locale-dependent).
    func format(_ value: Double) throws(Refusal) -> String {
        guard type == nil || "eEfFgG%".contains(type ?? " ") else {
            throw Refusal(reason: "Unknown format code '\(type ?? " ")' for object of type 'float'")
        }
        let isUpper = type.map { $0.isUppercase } ?? false
        var number = value
        var code: Character = type.map { Character($0.lowercased()) } ?? "r"
        var suffix = ""
        if code == "%" {
            number *= 100
            code = "f"
            suffix = "%"
        }
        let addDotZero = type == nil
        if type == nil, precision != nil { code = "g" }
        if !number.isFinite {
            let text = number.isNaN ? "nan" : "inf"
            return laidOut(negative: number < 0, digits: "", rest: (isUpper ? text.uppercased() : text) + suffix)
        }
        let (text, isZero) = Self.shortLayout(
            number.magnitude,
            code: code,
            precision: precision ?? 6,
            alternate: alternate,
            addDotZero: addDotZero
        )
        let body = isUpper ? text.uppercased() : text
        // `z` drops the sign of a value that rounds to zero.
        let negative = number.sign == .minus && !(coercesNegativeZero && isZero)
        let integerDigits = body.prefix { $0.isNumber }
        return laidOut(
            negative: negative,
            digits: String(integerDigits),
            rest: body.dropFirst(integerDigits.count) + suffix
        )
    }

    /// CPython's `format_float_short`: the digits of the magnitude (`r` shortest, `e` precision+1 significant,
    /// `f` precision decimals, `g` precision significant), placed with or without an exponent.
    /// Also returns whether the rounded digits are all zero.
    private static func shortLayout(
        _ magnitude: Double,
        code: Character,
        precision: Int,
        alternate: Bool,
        addDotZero: Bool
    ) -> (text: String, isZero: Bool) {
        let (digits, point) = dtoa(magnitude, code: code, precision: precision)
        var decimalPoint = point
        var useExponent = false
        var end = digits.count
        var precision = precision
        switch code {
        case "e":
            useExponent = true
            end = precision + 1
        case "f":
            end = decimalPoint + precision
        case "g":
            precision = max(precision, 1)
            useExponent = decimalPoint <= -4 || decimalPoint > (addDotZero ? precision - 1 : precision)
            if alternate { end = precision }
        default:  // "r"
            useExponent = decimalPoint <= -4 || decimalPoint > 16
        }
        var exponent = 0
        if useExponent {
            exponent = decimalPoint - 1
            decimalPoint = 1
        }
        let start = decimalPoint <= 0 ? decimalPoint - 1 : 0
        end = max(end, !useExponent && addDotZero ? decimalPoint + 1 : decimalPoint)
        var text = ""
        if decimalPoint <= 0 {
            text +=
                String(repeating: "0", count: decimalPoint - start) + "." + String(repeating: "0", count: -decimalPoint)
        }
        if decimalPoint > 0 && decimalPoint <= digits.count {
            text += digits.prefix(decimalPoint) + "." + digits.dropFirst(decimalPoint)
        } else {
            text += digits
        }
        if digits.count < decimalPoint {
            text += String(repeating: "0", count: decimalPoint - digits.count) + "."
            text += String(repeating: "0", count: max(end - decimalPoint, 0))
        } else {
            text += String(repeating: "0", count: max(end - digits.count, 0))
        }
        if text.last == ".", !alternate { text.removeLast() }
        if useExponent { text += exponentSuffix(exponent) }
        return (text, digits == "0")
    }

    /// David Gay's `dtoa` as CPython calls it, for a finite non-negative value: the correctly rounded digits
    /// (no leading or trailing zeros; `"0"` for zero) and the position of the decimal point after the first.
    private static func dtoa(_ value: Double, code: Character, precision: Int) -> (digits: String, point: Int) {
        let printed: String
        switch code {
        case "r":
            let (_, digits, exponent) = shortestDigits(value)
            return digits.isEmpty ? ("0", 1) : (digits, exponent + 1)
        case "f": printed = String(format: "%.\(precision)f", value)
        case "e": printed = String(format: "%.\(precision)e", value)
        default: printed = String(format: "%.\(max(precision, 1) - 1)e", value)
        }
        // C's printf rounds the exact binary value correctly, as dtoa does.
        let parts = printed.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first ?? ""
        let powerOfTen = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let integerDigits = mantissa.prefix { $0 != "." }.count
        let all = mantissa.filter { $0 != "." }
        guard let first = all.firstIndex(where: { $0 != "0" }) else { return ("0", 1) }
        var digits = String(all[first...])
        while digits.last == "0" { digits.removeLast() }
        return (digits, integerDigits - all.distance(from: all.startIndex, to: first) + powerOfTen)
    }

    /// Sign, grouping, fill and alignment around `digits` (the integer part) and `rest` (point, decimals,
    /// exponent, `%`), as CPython's `fill_number` does.
    private func laidOut(negative: Bool, digits: String, rest: String) -> String {
        let signText = negative ? "-" : (sign == "+" ? "+" : (sign == " " ? " " : ""))
        let alignment = align ?? ">"
        var integer = digits
        if let grouping, !digits.isEmpty {
            let zeroPadded = fill == "0" && alignment == "="
            let minimum = zeroPadded ? width - signText.count - rest.count : 0
            integer = Self.grouped(digits, separator: grouping, minimumWidth: minimum)
        }
        let body = integer + rest
        let padding = max(width - signText.count - body.count, 0)
        let pad = { (count: Int) in String(repeating: fill, count: count) }
        switch alignment {
        case "<": return signText + body + pad(padding)
        case "^": return pad(padding / 2) + signText + body + pad(padding - padding / 2)
        case "=": return signText + pad(padding) + body
        default: return pad(padding) + signText + body
        }
    }

    /// `digits` with a separator every three digits from the right, padded with zeros (and their separators)
    /// to at least `minimumWidth`; a separator never comes first.
    private static func grouped(_ digits: String, separator: Character, minimumWidth: Int) -> String {
        var remaining = Array(digits)
        var reversed: [Character] = []
        var inGroup = 0
        while !remaining.isEmpty || reversed.count < minimumWidth {
            if inGroup == 3 {
                reversed.append(separator)
                inGroup = 0
                if remaining.isEmpty && reversed.count >= minimumWidth {
                    reversed.append("0")
                    break
                }
            }
            reversed.append(remaining.popLast() ?? "0")
            inGroup += 1
        }
        return String(reversed.reversed())
    }
}
