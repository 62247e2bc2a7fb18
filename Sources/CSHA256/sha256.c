// SHA-256 blocks with the x86 SHA extensions: each SHA256RNDS2 does two of the 64 rounds, and SHA256MSG1
// and SHA256MSG2 extend the message schedule four words at a time. The Swift code in ToolkitModel is the
// reference and the fallback; the tests hold the two to the same digests.
#include "CSHA256.h"

// FIPS 180-4, 4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
static const uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

const uint32_t *toolkit_sha256_round_constants(void) { return round_constants; }

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

int toolkit_sha256_has_instructions(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    int ssse3 = (c >> 9) & 1, sse41 = (c >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    int sha = (b >> 29) & 1;
    return ssse3 && sse41 && sha;
}


__attribute__((target("sha,sse4.1,ssse3")))
void toolkit_sha256_compress(uint32_t state[8], const uint8_t *data, size_t blocks) {
    // The instructions keep the state as two registers, lanes from high to low: (a, b, e, f) and (c, d, g, h).
    __m128i first = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]), 0xB1);  // b a d c
    __m128i second = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]), 0x1B); // h g f e
    __m128i abef = _mm_alignr_epi8(first, second, 8);                                        // f e b a
    __m128i cdgh = _mm_blend_epi16(second, first, 0xF0);                                     // h g d c
    // Each 32-bit word of the message is big-endian.
    const __m128i big_endian = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

    for (; blocks > 0; blocks--, data += 64) {
        const __m128i abef_before = abef, cdgh_before = cdgh;
        __m128i words[4];
        for (int group = 0; group < 16; group++) {
            __m128i w;
            if (group < 4) {
                w = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + group * 16)), big_endian);
            } else {
                // W[t] for the four t of this group, from the four groups before it.
                __m128i oldest = words[group & 3], older = words[(group + 1) & 3];
                __m128i old = words[(group + 2) & 3], newest = words[(group + 3) & 3];
                w = _mm_add_epi32(_mm_sha256msg1_epu32(oldest, older), _mm_alignr_epi8(newest, old, 4));
                w = _mm_sha256msg2_epu32(w, newest);
            }
            words[group & 3] = w;
            __m128i plus_k = _mm_add_epi32(w, _mm_loadu_si128((const __m128i *)&round_constants[group * 4]));
            // Two rounds take the low two words; after them, the old (a, b, e, f) are the new (c, d, g, h).
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, plus_k);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(plus_k, 0x0E));
        }
        abef = _mm_add_epi32(abef, abef_before);
        cdgh = _mm_add_epi32(cdgh, cdgh_before);
    }

    __m128i abef_ordered = _mm_shuffle_epi32(abef, 0x1B);                       // a b e f, low to high
    __m128i ghcd = _mm_shuffle_epi32(cdgh, 0xB1);                               // g h c d
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(abef_ordered, ghcd, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(ghcd, abef_ordered, 8));
}

#else

int toolkit_sha256_has_instructions(void) { return 0; }

void toolkit_sha256_compress(uint32_t state[8], const uint8_t *data, size_t blocks) {
    (void)state; (void)data; (void)blocks;
}

#endif
