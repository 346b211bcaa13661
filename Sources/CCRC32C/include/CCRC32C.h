// CCRC32C: CRC-32C (Castagnoli) over any bytes.
//
// Every function here takes and returns a finished CRC value (the form published in test vectors):
// start from 0, and `ccrc32c_update(ccrc32c_update(0, a), b)` equals the CRC of `a` followed by `b`.

#ifndef CCRC32C_H
#define CCRC32C_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Extends `crc` over `length` bytes at `data`, using the CPU's CRC-32C instruction when it has one.
uint32_t ccrc32c_update(uint32_t crc, const void *data, size_t length);

/// Extends `crc` with the portable table-driven implementation (slicing by 8).
uint32_t ccrc32c_update_portable(uint32_t crc, const void *data, size_t length);

/// Extends `crc` with the CPU instruction. Call only when `ccrc32c_hardware_available()` returns 1.
uint32_t ccrc32c_update_hardware(uint32_t crc, const void *data, size_t length);

/// Returns 1 when this CPU has a CRC-32C instruction this library can use (SSE4.2 or ARMv8 CRC), else 0.
int ccrc32c_hardware_available(void);

#ifdef __cplusplus
}
#endif

#endif
