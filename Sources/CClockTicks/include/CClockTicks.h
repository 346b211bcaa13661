// CClockTicks: the processor's tick counter, read between readings of the real-time clock to stamp events.
//
// A tick reading costs a third of a clock_gettime(CLOCK_REALTIME) call here (12 ns against 30: the system call
// orders its counter read with a fence and checks a sequence lock). The counter's rate is not given by the
// system, so callers measure it against the real-time clock (see WallClock.swift).

#ifndef CCLOCKTICKS_H
#define CCLOCKTICKS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// 1 when `cticks_read` counts at a constant rate, the same on every core: on Linux on x86-64, when the kernel
/// itself keeps time with the time-stamp counter (its clock source is `tsc`, which it chooses only for an
/// invariant, synchronised counter); 0 everywhere else. Decided on the first call.
int cticks_available(void);

/// The tick counter now, without ordering against the instructions around it; 0 where it is not available.
static inline uint64_t cticks_read(void) {
#if defined(__x86_64__)
    return __builtin_ia32_rdtsc();
#else
    return 0;
#endif
}

#ifdef __cplusplus
}
#endif

#endif
