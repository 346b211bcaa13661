// Hardware CRC-32C: the SSE4.2 `crc32` instruction on x86-64 and the ARMv8 CRC extension on arm64.
// Each is compiled for its instruction set by a function-level target attribute, so the package needs
// no compiler flags, and is only called after run-time CPU detection says the instruction exists.

#include "CCRC32C.h"

#include <string.h>

#if defined(__x86_64__)
#include <nmmintrin.h>

__attribute__((target("sse4.2"))) static inline uint32_t update_sse42(uint32_t crc, const void *data, size_t length) {
    const uint8_t *bytes = (const uint8_t *)data;
    uint64_t state = (uint32_t)~crc;
    // Unaligned 8-byte loads cost nothing extra on the CPUs that have SSE4.2, so no alignment prologue: that
    // matters for the short payloads (50-100 bytes) event files are made of.
    while (length >= 32) {
        uint64_t words[4];
        memcpy(words, bytes, 32);
        state = _mm_crc32_u64(state, words[0]);
        state = _mm_crc32_u64(state, words[1]);
        state = _mm_crc32_u64(state, words[2]);
        state = _mm_crc32_u64(state, words[3]);
        bytes += 32;
        length -= 32;
    }
    // At most three words are left: a plain loop (the compiler's unrolled one costs more to enter than it saves).
#pragma clang loop unroll(disable)
    while (length >= 8) {
        uint64_t word;
        memcpy(&word, bytes, 8);
        state = _mm_crc32_u64(state, word);
        bytes += 8;
        length -= 8;
    }
    uint32_t state32 = (uint32_t)state;
    if (length >= 4) {
        uint32_t word;
        memcpy(&word, bytes, 4);
        state32 = _mm_crc32_u32(state32, word);
        bytes += 4;
        length -= 4;
    }
    if (length >= 2) {
        uint16_t half;
        memcpy(&half, bytes, 2);
        state32 = _mm_crc32_u16(state32, half);
        bytes += 2;
        length -= 2;
    }
    if (length > 0) {
        state32 = _mm_crc32_u8(state32, *bytes);
    }
    return ~state32;
}

__attribute__((target("sse4.2")))
uint32_t ccrc32c_update_hardware(uint32_t crc, const void *data, size_t length) {
    return update_sse42(crc, data, length);
}

int ccrc32c_hardware_available(void) {
    return __builtin_cpu_supports("sse4.2") ? 1 : 0;
}

#elif defined(__aarch64__)
#include <arm_acle.h>
#if defined(__linux__)
#include <sys/auxv.h>
#ifndef HWCAP_CRC32
#define HWCAP_CRC32 (1 << 7)
#endif
#endif

__attribute__((target("crc")))
uint32_t ccrc32c_update_hardware(uint32_t crc, const void *data, size_t length) {
    const uint8_t *bytes = (const uint8_t *)data;
    uint32_t state = ~crc;
    while (length >= 8) {
        uint64_t word;
        memcpy(&word, bytes, 8);
        state = __crc32cd(state, word);
        bytes += 8;
        length -= 8;
    }
    while (length > 0) {
        state = __crc32cb(state, *bytes);
        bytes++;
        length--;
    }
    return ~state;
}

int ccrc32c_hardware_available(void) {
#if defined(__APPLE__)
    return 1;
#elif defined(__linux__)
    return (getauxval(AT_HWCAP) & HWCAP_CRC32) ? 1 : 0;
#else
    return 0;
#endif
}

#else

uint32_t ccrc32c_update_hardware(uint32_t crc, const void *data, size_t length) {
    return ccrc32c_update_portable(crc, data, length);
}

int ccrc32c_hardware_available(void) {
    return 0;
}

#endif

// The implementation in use, chosen on the first call (detection is idempotent, so a race only repeats it). A
// pointer rather than a flag tested on every call: each call is then one load and one indirect jump.
typedef uint32_t (*ccrc32c_function)(uint32_t crc, const void *data, size_t length);

static uint32_t ccrc32c_update_first(uint32_t crc, const void *data, size_t length);

static ccrc32c_function selected_function = ccrc32c_update_first;

static uint32_t ccrc32c_update_first(uint32_t crc, const void *data, size_t length) {
    ccrc32c_function chosen = ccrc32c_hardware_available() ? ccrc32c_update_hardware : ccrc32c_update_portable;
    __atomic_store_n(&selected_function, chosen, __ATOMIC_RELAXED);
    return chosen(crc, data, length);
}

uint32_t ccrc32c_update(uint32_t crc, const void *data, size_t length) {
    return __atomic_load_n(&selected_function, __ATOMIC_RELAXED)(crc, data, length);
}
