// CCRC32C: CRC-32C (Castagnoli), as TFRecord framing uses it.
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

/// The two checksums of a TFRecord, masked as TensorFlow stores them (the CRC rotated right by 15 bits, plus
/// 0xa282ead8).
typedef struct {
    /// Of the 8 length bytes at the record's start.
    uint32_t length_crc;
    /// Of the payload, which starts 12 bytes into the record.
    uint32_t payload_crc;
} ccrc32c_record_checksums;

/// The masked checksums of the record at `record` with a `length`-byte payload (the length's 8 bytes at
/// `record`, the payload at `record + 12`), in one call, with the CPU's instruction when it has one.
ccrc32c_record_checksums ccrc32c_masked_record(const void *record, size_t length);

/// `ccrc32c_masked_record` with the portable implementation.
ccrc32c_record_checksums ccrc32c_masked_record_portable(const void *record, size_t length);

/// `ccrc32c_masked_record` with the CPU instruction. Call only when `ccrc32c_hardware_available()` returns 1.
ccrc32c_record_checksums ccrc32c_masked_record_hardware(const void *record, size_t length);

/// Returns 1 when this CPU has a CRC-32C instruction this library can use (SSE4.2 or ARMv8 CRC), else 0.
int ccrc32c_hardware_available(void);

#ifdef __cplusplus
}
#endif

#endif
