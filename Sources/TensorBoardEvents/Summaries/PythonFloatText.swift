// PythonFloatText.swift: a double as Python's repr/str writes it, for files that Python tools read or wrote.

/// The text Python 3's `repr(value)` (and `str`, and `format(value, "")`) gives a float: the shortest digits that
/// read back as `value`, in fixed notation when the decimal exponent is from -4 to 15 (with `.0` when whole),
/// otherwise as `d.ddde±XX` (at least two exponent digits); `nan`, `inf`, `-inf`.
package func pythonRepr(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    let (negative, digits, exponent) = shortestDigits(value)
    let sign = negative ? "-" : ""
    guard !digits.isEmpty else { return sign + "0.0" }
    if (-4..<16).contains(exponent) { return sign + fixedNotation(digits, exponent: exponent) }
    let mantissa = digits.count > 1 ? "\(digits.prefix(1)).\(digits.dropFirst())" : digits
    return sign + mantissa + exponentSuffix(exponent)
}

/// `digits` (a first digit that is not 0, no trailing zeros) times `10^exponent` of the first digit, in fixed
/// notation with at least one digit after the point.
package func fixedNotation(_ digits: String, exponent: Int) -> String {
    if exponent < 0 { return "0." + String(repeating: "0", count: -exponent - 1) + digits }
    let whole = digits.prefix(exponent + 1)
    let integer = whole + String(repeating: "0", count: exponent + 1 - whole.count)
    let fraction = digits.dropFirst(exponent + 1)
    return integer + "." + (fraction.isEmpty ? "0" : fraction)
}

/// `e+05`, `e-07`, `e+308`: Python's exponent, at least two digits.
package func exponentSuffix(_ exponent: Int) -> String {
    let magnitude = String(exponent.magnitude)
    return (exponent < 0 ? "e-" : "e+") + (magnitude.count < 2 ? "0" + magnitude : magnitude)
}

/// The shortest round-trip digits of a finite `value` (Swift's `description` computes them, as Python's repr
/// does): its sign, the digits without leading or trailing zeros (empty for zero), and the decimal exponent of
/// the first digit.
package func shortestDigits(_ value: Double) -> (negative: Bool, digits: String, exponent: Int) {
    let text = value.magnitude.description
    let parts = text.split(separator: "e", maxSplits: 1)
    let mantissa = parts.first ?? ""
    let powerOfTen = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    let point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
    let allDigits = mantissa.filter { $0 != "." }
    let integerDigits = point ?? allDigits.count
    guard let first = allDigits.firstIndex(where: { $0 != "0" }) else {
        return (value.sign == .minus, "", 0)
    }
    let leadingZeros = allDigits.distance(from: allDigits.startIndex, to: first)
    var digits = String(allDigits[first...])
    while digits.last == "0" { digits.removeLast() }
    return (value.sign == .minus, digits, integerDigits - 1 - leadingZeros + powerOfTen)
}
