// Shared by the CRC-32C implementation files; not part of the public header.

#ifndef CCRC32C_INTERNAL_H
#define CCRC32C_INTERNAL_H

/// The reflected Castagnoli polynomial (normal form 0x1EDC6F41).
#define CCRC32C_POLYNOMIAL 0x82F63B78u

#endif
