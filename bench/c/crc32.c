/* Table-driven CRC-32: the same algorithm as programs/crc32.py. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#ifndef SIZE
#define SIZE (64 * 1024 * 1024)
#endif
#define CHUNK (1024 * 1024)
#define PASSES 4
#define POLY 0xEDB88320u

static uint8_t BUF[SIZE];
static uint32_t TABLE[256];

static void make_table(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? POLY ^ (c >> 1) : c >> 1;
        TABLE[n] = c;
    }
}

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

static uint32_t crc32_update(uint32_t crc, const uint8_t *buf, long start, long n) {
    uint32_t c = ~crc;
    for (long i = start; i < start + n; i++)
        c = TABLE[(c ^ buf[i]) & 0xFF] ^ (c >> 8);
    return ~c;
}

int main(void) {
    make_table();
    fill(0x9E3779B97F4A7C15ULL);
    uint32_t total = 0;
    for (long p = 0; p < PASSES; p++) {
        BUF[p * 4099 % SIZE] ^= (uint8_t)(p + 1);
        uint32_t crc = 0;
        for (long off = 0; off < SIZE; off += CHUNK) {
            long n = off + CHUNK <= SIZE ? CHUNK : SIZE - off;
            crc = crc32_update(crc, BUF, off, n);
        }
        printf("pass %ld: crc32=%08x\n", p, crc);
        total ^= crc;
    }
    printf("size=%ld xor=%08x table[255]=%08x\n", (long)SIZE, total, TABLE[255]);
    return 0;
}
