// ShortestDecimal+WallTimes.swift: the shortest digits of a Double from 2^30 to 2^31, where every wall time
// written between 2004 and 2038 lies, with a few integer operations instead of Ryū's search.

extension ShortestDecimal {
    /// The shortest digits and decimal exponent of a positive value from 2^30 up to 2^31 (exponent bits 1053), as
    /// ``Ryu/shortest(mantissa:exponent:)`` gives them: for the wall time that every row of a table holds, in
    /// about a third of the time (measured: 43 → 27 ns a wall time's text, layout included).
    ///
    /// Here a value is `N × 2^-22` with `N` its 53-bit significand, so it is exact in units of 2^-22 s (238 ns),
    /// and its rounding interval is `N ± 1/2` of those units (ends included when `N` is even). Measured in tenths
    /// of microseconds (1e-7), the interval is 2.38 units wide, so:
    /// - at most one multiple of ten units (a whole microsecond) lies in it, and if one does, it is the shortest
    ///   decimal (16 digits or fewer once its trailing zeros go);
    /// - otherwise the shortest have 17 digits (seven after the point), and the nearest to the value, the whole
    ///   units of its position or the next one (the even one at a tie), lies in it.
    ///
    /// Positions are counted in 2^-16 of a unit (a unit is 10^7 / 2^22 = 78125 / 2^15 of `N`'s units, so the value
    /// is at `N × 156250`, and half of `N`'s unit is 78125), in 64-bit arithmetic.
    @inline(__always)
    static func wallTimeDigits(significand: UInt64) -> (digits: UInt64, exponent: Int) {
        let n = significand | 1 << 52
        // n × 156250 reaches 2^71: split n at bit 16, so that position = units × 2^16 + fraction.
        let lowProduct = (n & 0xFFFF) &* 156_250
        let units = (n &>> 16) &* 156_250 &+ lowProduct &>> 16
        let fraction = lowProduct & 0xFFFF
        let half: UInt64 = 78125
        let includesEnds = n & 1 == 0
        // The multiples of ten units below and above the value, and their distances to it.
        let below = units / 10 &* 10
        let distanceBelow = (units &- below) &<< 16 &+ fraction
        let distanceAbove = (below &+ 10 &- units) &<< 16 &- fraction
        if distanceBelow < half || (distanceBelow == half && includesEnds) {
            return removingTrailingZeros(below, -7)
        }
        if distanceAbove < half || (distanceAbove == half && includesEnds) {
            return removingTrailingZeros(below &+ 10, -7)
        }
        // No whole microsecond in the interval: the nearest tenth of one.
        let roundsUp = fraction > 0x8000 || (fraction == 0x8000 && units & 1 == 1)
        return (units &+ (roundsUp ? 1 : 0), -7)
    }

    /// `digits × 10^exponent` with the trailing zeros of `digits` (a non-zero multiple of ten) moved into the
    /// exponent.
    @inline(__always)
    private static func removingTrailingZeros(_ digits: UInt64, _ exponent: Int) -> (digits: UInt64, exponent: Int) {
        var digits = digits
        var exponent = exponent
        while digits % 10 == 0 {
            digits /= 10
            exponent &+= 1
        }
        return (digits, exponent)
    }
}
