// WallClock.swift: the real-time clock as a writer reads it for every event, the system's clock read about once a
// millisecond and the processor's tick counter in between.

import CClockTicks

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Seconds since the Unix epoch, as ``SystemCalls/currentTime()`` gives them, for a writer's every event.
///
/// Reading the system's real-time clock costs 30 ns here, a third of a scalar write. Where the processor's tick
/// counter is reliable (`cticks_available()` in CClockTicks) and costs less, a reading is derived from the last
/// *anchor* (a system reading and the ticks around it) and the ticks since, at the counter's rate as measured
/// between anchors; a new anchor is taken once ``anchorInterval`` ticks (under a millisecond) have passed, so a
/// step of the system's clock shows within that time. A derived reading is within a microsecond of the system's
/// (the rate is measured over a millisecond from readings a few tens of nanoseconds wide), finer than a `Double`
/// of seconds since 1970 resolves (238 ns). Until the rate is known, and where the counter is not used, every
/// reading is the system's.
///
/// The rules take their readings as arguments (``derived(atTicks:)``, ``anchor(ticksBefore:seconds:nanoseconds:ticksAfter:)``),
/// so tests drive them with made-up clocks.
package struct WallClock: Sendable {
    /// Ticks after an anchor when the next is taken: 2^21, 0.75 ms at 2.8 GHz.
    package static let anchorInterval: UInt64 = 1 << 21
    /// The most ticks a system reading may take to be an anchor (a wider one was interrupted).
    package static let widestAnchor: UInt64 = 1 << 12
    /// The fewest ticks between two anchors to measure the rate over.
    package static let shortestMeasurement: UInt64 = 1 << 20

    private let usesTicks: Bool
    /// The last anchor: its ticks (the middle of the system reading) and the system's time then.
    private var anchorTicks: UInt64 = 0
    private var anchorSeconds: Int64 = 0
    private var anchorNanoseconds: Int64 = 0
    /// The anchor the next rate is measured from, and its time in nanoseconds since the epoch.
    private var baseTicks: UInt64 = 0
    private var baseNanoseconds: Int64 = 0
    private var hasBase = false
    /// Nanoseconds per tick in 32.32 fixed point, 0 until measured.
    package private(set) var nanosecondsPerTick: UInt64 = 0
    /// Measurements in a row that differed from the rate by over 0.1% (a step of the system's clock, usually).
    private var outliers = 0

    /// Whether this machine's tick counter is reliable enough to be used (`cticks_available()` in CClockTicks).
    package static var ticksAreReliable: Bool { cticks_available() == 1 }

    /// A clock using the tick counter where it is reliable, when `usesTicks` allows it.
    package init(usesTicks: Bool = true) {
        self.usesTicks = usesTicks && cticks_available() == 1
    }

    /// The current time in seconds since the epoch.
    @inline(__always)
    package mutating func now() -> Double {
        guard usesTicks else { return SystemCalls.currentTime() }
        if let time = derived(atTicks: cticks_read()) { return time }
        return reanchor()
    }

    /// Reads the system's clock, taking the reading as an anchor when it was not interrupted.
    @inline(never)
    private mutating func reanchor() -> Double {
        var reading = timespec()
        let before = cticks_read()
        clock_gettime(CLOCK_REALTIME, &reading)
        let after = cticks_read()
        let seconds = Int64(reading.tv_sec)
        let nanoseconds = Int64(reading.tv_nsec)
        anchor(ticksBefore: before, seconds: seconds, nanoseconds: nanoseconds, ticksAfter: after)
        return Double(seconds) + Double(nanoseconds) * 1e-9
    }

    /// The time at `ticks` derived from the last anchor, or `nil` when a system reading is due: before the rate is
    /// known, ``anchorInterval`` ticks or more after the anchor, or before it (the counter of another core, or
    /// one that wrapped).
    @inline(__always)
    package func derived(atTicks ticks: UInt64) -> Double? {
        let elapsed = ticks &- anchorTicks
        guard nanosecondsPerTick != 0, elapsed < Self.anchorInterval else { return nil }
        // elapsed < 2^21 and the rate < 2^34 (4 ns a tick), so the product fits.
        var nanoseconds = anchorNanoseconds &+ Int64(truncatingIfNeeded: (elapsed &* nanosecondsPerTick) &>> 32)
        var seconds = anchorSeconds
        if nanoseconds >= 1_000_000_000 {
            nanoseconds &-= 1_000_000_000
            seconds &+= 1
        }
        return Double(seconds) + Double(nanoseconds) * 1e-9
    }

    /// Takes the system's reading `seconds`, `nanoseconds` (0 to 10^9 - 1), made between the tick readings
    /// `ticksBefore` and `ticksAfter`, as the anchor, unless more than ``widestAnchor`` ticks passed during it;
    /// measures the rate against the base anchor once ``shortestMeasurement`` ticks or more separate them.
    ///
    /// A measured rate is taken when it is the first, within 0.1% of the rate (a counter's rate does not change;
    /// a step of the system's clock between the anchors makes the measurement an outlier, ignored), or after
    /// three outliers in a row (the earlier rate was wrong). A rate below 1/16 or above 4 ns a tick is never
    /// taken.
    package mutating func anchor(ticksBefore: UInt64, seconds: Int64, nanoseconds: Int64, ticksAfter: UInt64) {
        let width = ticksAfter &- ticksBefore
        guard width <= Self.widestAnchor else { return }
        let ticks = ticksBefore &+ width / 2
        let time = seconds &* 1_000_000_000 &+ nanoseconds
        anchorTicks = ticks
        anchorSeconds = seconds
        anchorNanoseconds = nanoseconds
        guard hasBase else {
            (baseTicks, baseNanoseconds, hasBase) = (ticks, time, true)
            return
        }
        let spanTicks = ticks &- baseTicks
        let spanNanoseconds = time &- baseNanoseconds
        guard spanTicks >= Self.shortestMeasurement else { return }
        (baseTicks, baseNanoseconds) = (ticks, time)
        // Over 2 s apart (or backwards), the anchors measure nothing reliable; the shift below would overflow.
        guard spanNanoseconds > 0, spanNanoseconds < 1 << 31, spanTicks < 1 << 40 else { return }
        let measured = (UInt64(spanNanoseconds) << 32) / spanTicks
        guard measured >= 1 << 28, measured <= 1 << 34 else { return }
        let current = nanosecondsPerTick
        let difference = measured > current ? measured - current : current - measured
        if current == 0 || difference <= current >> 10 || outliers >= 3 {
            nanosecondsPerTick = measured
            outliers = 0
        } else {
            outliers += 1
        }
    }
}
