// ShortestDecimal+Exact.swift: the shortest digits of a Double from 2^-11 up to 2^53 (most values a log holds) by
// exact integer arithmetic instead of Ryū's search, with a plainer form from 2^30 to 2^31 (every wall time
// written between 2004 and 2038).

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

    /// The shortest digits and decimal exponent of the positive value `n × 2^e`, `n` a 53-bit significand that is
    /// not a power of two, and -63 ≤ e ≤ -1 (the values from 2^-11 up to 2^53 but powers of two), as
    /// ``Ryu/shortest(mantissa:exponent:)`` gives them: for a table's values (a loss, an accuracy, a learning
    /// rate), in fewer instructions (measured: 346 → 277 a number's text, layout included).
    ///
    /// The rounding interval is `n ± 1/2` units of 2^e (ends included when `n` is even). With k the integer for
    /// which 1 ≤ 10^k × 2^e < 10, it is between 1 and 10 units of 10^-k wide, so, as for wall times
    /// (``wallTimeDigits(significand:)``), the one multiple of ten units in it, if any, is the shortest decimal,
    /// and otherwise the nearest unit is. Here k is 1 to 19, so 10^k is a 64-bit integer and the value's position
    /// in units, `n × 10^k / 2^-e`, is the exact 117-bit product shifted right: every comparison is exact.
    @inline(__always)
    static func exactDigits(n: UInt64, e: Int) -> (digits: UInt64, exponent: Int) {
        // k = -⌊e × log10(2)⌋.
        let k = 0 &- ((e &* 661_971_961_083) >> 41)
        let shift = UInt64(truncatingIfNeeded: 0 &- e)
        let power = Digits.powerOf10(k)
        let product = UInt128(n) &* UInt128(power)
        let high = UInt64(truncatingIfNeeded: product &>> 64)
        let low = UInt64(truncatingIfNeeded: product)
        // The position: whole units, and a fraction of `shift` bits (the product's low bits).
        let units = high &<< (64 &- shift) | low &>> shift
        let mask = (1 &<< shift) &- 1
        let fraction = low & mask
        // Half of n's unit, 10^k / 2 in the same scale, also as whole units and a fraction.
        let halfWidth = power &>> 1
        let halfUnits = halfWidth &>> shift
        let halfFraction = halfWidth & mask
        let includesEnds = n & 1 == 0
        // The multiples of ten units below and above the value, and their distances to it in the same form.
        let below = units / 10 &* 10
        let belowUnits = units &- below
        let belowIsIn =
            belowUnits < halfUnits
            || (belowUnits == halfUnits && (fraction < halfFraction || (fraction == halfFraction && includesEnds)))
        if belowIsIn { return removingTrailingZeros(below, 0 &- k) }
        let aboveUnits = fraction == 0 ? 10 &- belowUnits : 9 &- belowUnits
        let aboveFraction = fraction == 0 ? 0 : (1 &<< shift) &- fraction
        let aboveIsIn =
            aboveUnits < halfUnits
            || (aboveUnits == halfUnits
                && (aboveFraction < halfFraction || (aboveFraction == halfFraction && includesEnds)))
        if aboveIsIn { return removingTrailingZeros(below &+ 10, 0 &- k) }
        // No multiple of ten in the interval: the nearest unit, always inside it (the interval's half-width is over
        // half a unit), the even one at a tie.
        let half = 1 &<< (shift &- 1)
        let roundsUp = fraction > half || (fraction == half && units & 1 == 1)
        return (units &+ (roundsUp ? 1 : 0), 0 &- k)
    }

    /// `digits × 10^exponent` with the trailing zeros of `digits` (a non-zero multiple of ten below 10^18) moved
    /// into the exponent, in at most five steps (eight zeros, eight more, four, two, one).
    @inline(__always)
    private static func removingTrailingZeros(_ digits: UInt64, _ exponent: Int) -> (digits: UInt64, exponent: Int) {
        var digits = digits
        var exponent = exponent
        if removeFactor(100_000_000, places: 8, &digits, &exponent) {
            _ = removeFactor(100_000_000, places: 8, &digits, &exponent)
        }
        _ = removeFactor(10_000, places: 4, &digits, &exponent)
        _ = removeFactor(100, places: 2, &digits, &exponent)
        _ = removeFactor(10, places: 1, &digits, &exponent)
        return (digits, exponent)
    }

    /// Divides `digits` by `factor` (10^`places`) and adds `places` to `exponent` when `factor` divides it.
    @inline(__always)
    private static func removeFactor(
        _ factor: UInt64,
        places: Int,
        _ digits: inout UInt64,
        _ exponent: inout Int
    ) -> Bool {
        guard digits % factor == 0 else { return false }
        digits /= factor
        exponent &+= places
        return true
    }
}
