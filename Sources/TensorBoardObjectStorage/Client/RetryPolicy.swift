// RetryPolicy.swift: how often and how long apart the S3 client resends a request that failed transiently.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Exponential backoff with "full jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"): before retry
/// number `n` (0 for the first), sleep a uniformly random time in `0...min(maximumDelay, baseDelay · 2ⁿ)`.
/// Full jitter spreads the retries of many clients that failed together (a restarted gateway) instead of having
/// them return in waves.
///
/// Only transient failures are retried (``isTransient(status:)``, and transport failures): 5xx (500, 502, 503
/// `SlowDown`, 504) and 429. Anything else will fail the same way again.
///
/// The defaults (``standard``): 6 attempts, base 0.25 s, cap 5 s. The bounds of the five sleeps are 0.25, 0.5, 1,
/// 2 and 4 s: at most 7.75 s (3.9 s on average) in all, enough to ride over a gateway restart or a burst of
/// throttling of a few seconds, while a server that stays down fails the call within about 8 s plus the requests.
package struct RetryPolicy: Sendable {
    /// The most requests sent for one call, the first included (1: never retry).
    package var maximumAttempts: Int
    /// The bound of the first sleep, in seconds.
    package var baseDelay: Double
    /// The largest bound of any sleep, in seconds.
    package var maximumDelay: Double
    /// Sleeps the given seconds (tests record instead of sleeping).
    package var sleep: @Sendable (Double) -> Void
    /// A uniformly random number in `0...bound` (tests make it deterministic).
    package var random: @Sendable (_ bound: Double) -> Double

    /// A policy; the defaults are ``standard``'s.
    package init(
        maximumAttempts: Int = 6,
        baseDelay: Double = 0.25,
        maximumDelay: Double = 5,
        sleep: @escaping @Sendable (Double) -> Void = RetryPolicy.systemSleep,
        random: @escaping @Sendable (_ bound: Double) -> Double = { Double.random(in: 0...max(0, $0)) }
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.sleep = sleep
        self.random = random
    }

    /// 6 attempts, 0.25 s base, 5 s cap, real sleeps and random jitter.
    package static var standard: RetryPolicy { RetryPolicy() }

    /// No retries: every failure is final at once.
    package static var never: RetryPolicy { RetryPolicy(maximumAttempts: 1) }

    /// The bound of the sleep before retry `retry` (0 for the first): `min(maximumDelay, baseDelay · 2^retry)`.
    package func delayBound(beforeRetry retry: Int) -> Double {
        // 2^62 is beyond any cap; the exponent is clamped so the power cannot overflow to infinity or trap.
        let power = Double(1 << min(max(retry, 0), 62))
        return min(maximumDelay, baseDelay * power)
    }

    /// The sleep before retry `retry`: random in `0...delayBound(beforeRetry:)`, clamped to that range so a
    /// wrong random source cannot make it negative or longer.
    package func delay(beforeRetry retry: Int) -> Double {
        let bound = delayBound(beforeRetry: retry)
        return min(bound, max(0, random(bound)))
    }

    /// Whether a response with HTTP `status` may succeed if sent again: 5xx and 429 (Too Many Requests).
    package static func isTransient(status: Int) -> Bool { status >= 500 || status == 429 }

    /// Sleeps `seconds` with `nanosleep`, resuming after signals until the time is up.
    package static let systemSleep: @Sendable (Double) -> Void = { seconds in
        // A day at most, so the conversions to whole seconds cannot overflow.
        guard seconds > 0, seconds.isFinite else { return }
        let capped = min(seconds, 86_400)
        let whole = capped.rounded(.down)
        var request = timespec(tv_sec: Int(whole), tv_nsec: Int((capped - whole) * 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR { request = remaining }
    }
}
