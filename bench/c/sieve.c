/* The sieve of Eratosthenes: the same algorithm as programs/sieve.py. */
#include <stdint.h>
#include <stdio.h>

#ifndef N
#define N (1024 * 1024)
#endif
#define PASSES 384

static uint8_t FLAGS[N];

static void sieve(long limit) {
    for (long i = 0; i < limit; i++)
        FLAGS[i] = 1;
    FLAGS[0] = 0;
    FLAGS[1] = 0;
    for (long i = 2; i * i < limit; i++)
        if (FLAGS[i])
            for (long j = i * i; j < limit; j += i)
                FLAGS[j] = 0;
}

int main(void) {
    uint64_t total = 0;
    for (long p = 0; p < PASSES; p++) {
        long limit = N - p % 96 * (N / 128);
        sieve(limit);
        long count = 0, largest = 0;
        uint64_t h = 0;
        for (long i = 0; i < limit; i++)
            if (FLAGS[i]) {
                count++;
                largest = i;
                h = h * 31 + (uint64_t)i;
            }
        if (p % 128 == 0)
                printf("below %ld: %ld primes, largest %ld, hash %016llx\n", limit, count, largest,
                   (unsigned long long)h);
        total = total * 3 + h;
    }
    printf("hash of hashes %016llx\n", (unsigned long long)total);
    return 0;
}
