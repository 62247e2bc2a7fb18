#ifndef TOOLKIT_CSHA256_H
#define TOOLKIT_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256's 64 round constants, for the Swift rounds too.
const uint32_t *toolkit_sha256_round_constants(void);

/// 1 when this processor has the SHA extensions (and the SSSE3 and SSE4.1 they are used with), else 0.
int toolkit_sha256_has_instructions(void);

/// SHA-256's compression function over `blocks` whole blocks of 64 bytes at `data`, updating the eight
/// words of `state` (a, b, ..., h) in place, with the processor's SHA instructions. Call it only when
/// toolkit_sha256_has_instructions() says they are there.
void toolkit_sha256_compress(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
