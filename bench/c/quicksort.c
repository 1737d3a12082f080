/* Quicksort: the same algorithm as programs/quicksort.py. */
#include <stdint.h>
#include <stdio.h>

#ifndef N
#define N 3000000
#endif
#define ROUNDS 3

static int64_t DATA[N];

static void fill(uint64_t seed) {
    uint64_t x = seed;
    for (long i = 0; i < N; i++) {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        DATA[i] = (int64_t)(x * 0x2545F4914F6CDD1DULL);
    }
}

/* Sorts DATA[lo..hi], both ends included. */
static void quicksort(long lo, long hi) {
    while (lo < hi) {
        int64_t pivot = DATA[lo + (hi - lo) / 2];
        long i = lo, j = hi;
        while (i <= j) {
            while (DATA[i] < pivot)
                i++;
            while (DATA[j] > pivot)
                j--;
            if (i <= j) {
                int64_t t = DATA[i];
                DATA[i] = DATA[j];
                DATA[j] = t;
                i++;
                j--;
            }
        }
        if (j - lo < hi - i) {
            quicksort(lo, j);
            lo = i;
        } else {
            quicksort(i, hi);
            hi = j;
        }
    }
}

int main(void) {
    uint64_t total = 0;
    for (long r = 0; r < ROUNDS; r++) {
        fill(0x9E3779B97F4A7C15ULL + (uint64_t)r);
        quicksort(0, N - 1);
        uint64_t h = 0;
        long unsorted = 0;
        for (long i = 0; i < N; i++) {
            if (i > 0 && DATA[i - 1] > DATA[i])
                unsorted++;
            h = h * 31 + (uint64_t)DATA[i];
        }
        printf("round %ld: min %lld median %lld max %lld out of order %ld hash %016llx\n", r,
               (long long)DATA[0], (long long)DATA[N / 2], (long long)DATA[N - 1], unsorted,
               (unsigned long long)h);
        total ^= h;
    }
    printf("xor of hashes %016llx\n", (unsigned long long)total);
    return 0;
}
