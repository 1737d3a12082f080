/* Prefix sums and range queries: the same algorithm as programs/prefix_sum.py. */
#include <stdint.h>
#include <stdio.h>

#ifndef ROUNDS
#define ROUNDS 10000
#endif
#define N (64 * 1024)
#define QUERIES (N / 16)

static uint32_t VALUES[N];
static uint64_t SUMS[N];

static uint64_t rng_state = 0x853C49E6748FEA9BULL;

static uint64_t rand64(void) {
    uint64_t x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

static void prefix_sums(void) {
    SUMS[0] = VALUES[0];
    for (long i = 1; i < N; i++)
        SUMS[i] = SUMS[i - 1] + VALUES[i];
}

/* VALUES[lo] + ... + VALUES[hi - 1], for 0 <= lo < hi <= N. */
static uint64_t range_sum(long lo, long hi) {
    if (lo == 0)
        return SUMS[hi - 1];
    return SUMS[hi - 1] - SUMS[lo - 1];
}

int main(void) {
    for (long i = 0; i < N; i++)
        VALUES[i] = (uint32_t)(rand64() >> 40);
    uint64_t answers = 0, totals = 0;
    for (long r = 0; r < ROUNDS; r++) {
        prefix_sums();
        totals = totals * 31 + SUMS[N - 1];
        for (long q = 0; q < QUERIES; q++) {
            long a = (long)(rand64() % N);
            long b = (long)(rand64() % N);
            long lo = a < b ? a : b;
            long hi = a < b ? b : a;
            answers = answers * 31 + range_sum(lo, hi + 1);
        }
        for (long k = 0; k < 64; k++) {
            long i = (long)(rand64() % N);
            VALUES[i] = (uint32_t)(rand64() >> 40);
        }
        if (r % 4096 == 0)
            printf("round %ld: total %llu middle %llu\n", r, (unsigned long long)SUMS[N - 1],
                   (unsigned long long)SUMS[N / 2]);
    }
    printf("totals %016llx answers %016llx\n", (unsigned long long)totals,
           (unsigned long long)answers);
    return 0;
}
