// clock_ticks.c: whether the tick counter can time the real-time clock's readings.

#include "CClockTicks.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

/// Whether the kernel keeps time with the time-stamp counter (the first line of its current clock source is
/// exactly "tsc").
static int kernel_uses_tsc(void) {
#if defined(__linux__) && defined(__x86_64__)
    FILE *file = fopen("/sys/devices/system/clocksource/clocksource0/current_clocksource", "r");
    if (file == NULL) return 0;
    char name[32] = {0};
    int uses = fgets(name, sizeof name, file) != NULL && strcmp(name, "tsc\n") == 0;
    fclose(file);
    return uses;
#else
    return 0;
#endif
}

int cticks_available(void) {
    // -1 until decided; racing first calls decide the same.
    static _Atomic int available = -1;
    int known = atomic_load_explicit(&available, memory_order_relaxed);
    if (known >= 0) return known;
    int decided = kernel_uses_tsc();
    atomic_store_explicit(&available, decided, memory_order_relaxed);
    return decided;
}
