// Portable CRC-32C: slicing-by-8 over tables built once, on first use.

#include "CCRC32C.h"

#include <pthread.h>
#include <string.h>

/// The reflected Castagnoli polynomial (normal form 0x1EDC6F41).
static const uint32_t polynomial = 0x82F63B78u;

static uint32_t table[8][256];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static void build_table(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t crc = n;
        for (int k = 0; k < 8; k++) {
            crc = (crc >> 1) ^ ((crc & 1u) ? polynomial : 0u);
        }
        table[0][n] = crc;
    }
    for (uint32_t n = 0; n < 256; n++) {
        for (int slice = 1; slice < 8; slice++) {
            uint32_t previous = table[slice - 1][n];
            table[slice][n] = (previous >> 8) ^ table[0][previous & 0xFFu];
        }
    }
}

uint32_t ccrc32c_update_portable(uint32_t crc, const void *data, size_t length) {
    pthread_once(&table_once, build_table);
    const uint8_t *bytes = (const uint8_t *)data;
    uint32_t state = ~crc;
    while (length >= 8) {
        uint32_t low;
        uint32_t high;
        memcpy(&low, bytes, 4);
        memcpy(&high, bytes + 4, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        low = __builtin_bswap32(low);
        high = __builtin_bswap32(high);
#endif
        low ^= state;
        state = table[7][low & 0xFFu] ^ table[6][(low >> 8) & 0xFFu] ^ table[5][(low >> 16) & 0xFFu]
              ^ table[4][low >> 24] ^ table[3][high & 0xFFu] ^ table[2][(high >> 8) & 0xFFu]
              ^ table[1][(high >> 16) & 0xFFu] ^ table[0][high >> 24];
        bytes += 8;
        length -= 8;
    }
    while (length > 0) {
        state = (state >> 8) ^ table[0][(state ^ *bytes) & 0xFFu];
        bytes++;
        length--;
    }
    return ~state;
}
