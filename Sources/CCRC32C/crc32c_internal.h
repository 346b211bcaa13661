// Shared by the CRC-32C implementation files; not part of the public header.

#ifndef CCRC32C_INTERNAL_H
#define CCRC32C_INTERNAL_H

#include <stdint.h>

/// The reflected Castagnoli polynomial (normal form 0x1EDC6F41).
#define CCRC32C_POLYNOMIAL 0x82F63B78u

/// TensorFlow's masking of a stored CRC: rotated right by 15 bits, plus a constant.
static inline uint32_t ccrc32c_mask(uint32_t crc) {
    return ((crc >> 15) | (crc << 17)) + 0xA282EAD8u;
}

#endif
