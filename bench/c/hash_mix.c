/* PRNG/hash loop: the same algorithm as programs/hash_mix.py. */
#include <stdint.h>
#include <stdio.h>

#ifndef ITERS
#define ITERS 60000000
#endif

#define FNV64_OFFSET 0xCBF29CE484222325ULL
#define FNV64_PRIME 0x100000001B3ULL

static uint64_t state = 88172645463325252ULL;
static uint32_t HIST[256];

static uint64_t xorshift64star(void) {
    uint64_t x = state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

static uint64_t fnv1a_word(uint64_t h, uint64_t v) {
    for (int k = 0; k < 8; k++) {
        h ^= v & 0xFF;
        h *= FNV64_PRIME;
        v >>= 8;
    }
    return h;
}

static uint64_t fmix64(uint64_t k) {
    k ^= k >> 33;
    k *= 0xFF51AFD7ED558CCDULL;
    k ^= k >> 33;
    k *= 0xC4CEB9FE1A85EC53ULL;
    k ^= k >> 33;
    return k;
}

int main(void) {
    uint64_t h = FNV64_OFFSET;
    uint64_t acc = 0;
    uint64_t check = 0;
    for (int64_t i = 0; i < ITERS; i++) {
        uint64_t r = xorshift64star();
        h = fnv1a_word(h, r);
        uint64_t m = fmix64(r ^ h);
        acc += m;
        HIST[m >> 56] += 1;
        if (i % 4096 == 0)
            check = (check << 7 | check >> 57) ^ acc;
    }
    uint32_t lo = HIST[0], hi = HIST[0];
    uint64_t weighted = 0;
    for (int b = 0; b < 256; b++) {
        uint32_t c = HIST[b];
        if (c < lo) lo = c;
        if (c > hi) hi = c;
        weighted += (uint64_t)c * (uint64_t)(b + 1);
    }
    printf("iters=%lld\n", (long long)ITERS);
    printf("state=%016llx fnv=%016llx\n", (unsigned long long)state, (unsigned long long)h);
    printf("acc=%016llx check=%016llx\n", (unsigned long long)acc, (unsigned long long)check);
    printf("hist min=%u max=%u weighted=%llu\n", lo, hi, (unsigned long long)weighted);
    return 0;
}
