/* The Internet checksum: the same algorithm as programs/inet_csum.py. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#ifndef SIZE
#define SIZE (4 * 1024 * 1024)
#endif
#define ROUNDS 400
#define PKT 1500

static uint8_t BUF[SIZE];

static void fill(uint64_t seed) {
    uint64_t x = seed;
    for (long i = 0; i < SIZE / 8; i++) {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        uint64_t w = x * 0x2545F4914F6CDD1DULL;
        memcpy(&BUF[i * 8], &w, 8);
    }
}

/* Checksum of BUF[off:off + n]. */
static uint16_t inet_checksum(long off, long n) {
    uint64_t s = 0;
    for (long i = off; i < off + n - 1; i += 2)
        s += (uint64_t)BUF[i] << 8 | (uint64_t)BUF[i + 1];
    if (n & 1)
        s += (uint64_t)BUF[off + n - 1] << 8;
    while (s >> 16)
        s = (s & 0xFFFF) + (s >> 16);
    return (uint16_t)~s;
}

int main(void) {
    fill(0x243F6A8885A308D3ULL);
    uint64_t acc = 0;
    long packets = 0;
    for (long r = 0; r < ROUNDS; r++) {
        long off = r * 7 % 64;
        while (off + PKT <= SIZE) {
            uint16_t c = inet_checksum(off, PKT - r % 2);
            acc = acc * 31 + c;
            packets++;
            off += PKT;
        }
    }
    printf("packets=%ld acc=%016llx\n", packets, (unsigned long long)acc);
    printf("first=%04x whole=%04x\n", inet_checksum(0, PKT), inet_checksum(0, SIZE));
    return 0;
}
