/* Free-list allocator simulation: the same algorithm as programs/freelist.py. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef OPS
#define OPS 600000
#endif
#define HEAP_SIZE (2 * 1024 * 1024)
#define HDR 16u
#define SLOTS 4096
#define NIL 0xFFFFFFFFu
#define MAGIC 0xA110C8EDu

typedef struct {
    uint32_t size; /* payload bytes (a multiple of 16) */
    uint32_t next; /* offset of the next free block, NIL at the end */
    uint32_t used;
    uint32_t magic;
} Header;

static _Alignas(16) uint8_t HEAP[HEAP_SIZE];
static uint32_t LIVE[SLOTS];
static uint32_t LIVE_SIZE[SLOTS];
static uint32_t free_head = 0;
static uint64_t rng_state = 0x2545F4914F6CDD1DULL;

static uint64_t rand64(void) {
    uint64_t x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

static Header *hdr(uint32_t off) { return (Header *)(HEAP + off); }

static void heap_init(void) {
    Header *h = hdr(0);
    h->size = HEAP_SIZE - HDR;
    h->next = NIL;
    h->used = 0;
    h->magic = MAGIC;
    free_head = 0;
}

static void check(int cond, const char *msg) {
    if (!cond) {
        fprintf(stderr, "assertion failed: %s\n", msg);
        exit(101);
    }
}

/* First fit; returns the payload offset or NIL. */
static uint32_t alloc(uint32_t n) {
    uint32_t need = (n + 15) & ~15u;
    uint32_t prev = NIL;
    uint32_t cur = free_head;
    while (cur != NIL) {
        Header *h = hdr(cur);
        if (h->size >= need) {
            if (h->size >= need + HDR + 16) {
                uint32_t rest = cur + HDR + need;
                Header *r = hdr(rest);
                r->size = h->size - need - HDR;
                r->next = h->next;
                r->used = 0;
                r->magic = MAGIC;
                h->size = need;
                h->next = rest;
            }
            if (prev == NIL)
                free_head = h->next;
            else
                hdr(prev)->next = h->next;
            h->used = 1;
            h->next = NIL;
            return cur + HDR;
        }
        prev = cur;
        cur = h->next;
    }
    return NIL;
}

/* Insert into the address-ordered list, then merge with neighbours. */
static void free_block(uint32_t payload) {
    uint32_t off = payload - HDR;
    Header *h = hdr(off);
    check(h->magic == MAGIC, "bad magic");
    check(h->used == 1, "double free");
    h->used = 0;
    uint32_t prev = NIL;
    uint32_t cur = free_head;
    while (cur != NIL && cur < off) {
        prev = cur;
        cur = hdr(cur)->next;
    }
    h->next = cur;
    if (prev == NIL)
        free_head = off;
    else
        hdr(prev)->next = off;
    if (cur != NIL && off + HDR + h->size == cur) {
        Header *c = hdr(cur);
        h->size += HDR + c->size;
        h->next = c->next;
    }
    if (prev != NIL) {
        Header *p = hdr(prev);
        if (prev + HDR + p->size == off) {
            p->size += HDR + h->size;
            p->next = h->next;
        }
    }
}

static uint64_t tag(uint32_t payload, uint32_t size) {
    return (uint64_t)payload * 0x9E3779B97F4A7C15ULL ^ (uint64_t)size;
}

static void walk_free_list(void) {
    long blocks = 0;
    uint32_t total = 0, largest = 0;
    for (uint32_t cur = free_head; cur != NIL; cur = hdr(cur)->next) {
        Header *h = hdr(cur);
        blocks++;
        total += h->size;
        if (h->size > largest)
            largest = h->size;
    }
    printf("free list: blocks=%ld bytes=%u largest=%u\n", blocks, total, largest);
}

int main(void) {
    heap_init();
    for (int s = 0; s < SLOTS; s++)
        LIVE[s] = NIL;
    long allocs = 0, frees = 0, fails = 0;
    uint64_t sum_off = 0;
    for (long op = 0; op < OPS; op++) {
        uint64_t r = rand64();
        uint64_t slot = r % SLOTS;
        uint32_t off = LIVE[slot];
        if (off != NIL) {
            uint64_t stored;
            memcpy(&stored, HEAP + off, 8);
            check(stored == tag(off, LIVE_SIZE[slot]), "block overwritten");
            free_block(off);
            LIVE[slot] = NIL;
            frees++;
        } else {
            uint32_t size = (uint32_t)(16 + (r >> 32) % 1000);
            if (((r >> 20) & 15) == 0)
                size *= 8;
            off = alloc(size);
            if (off == NIL) {
                fails++;
            } else {
                uint64_t t = tag(off, size);
                memcpy(HEAP + off, &t, 8);
                LIVE[slot] = off;
                LIVE_SIZE[slot] = size;
                allocs++;
                sum_off = sum_off * 31 + off;
            }
        }
    }
    printf("ops=%ld allocs=%ld frees=%ld fails=%ld sum=%016llx\n", (long)OPS, allocs, frees,
           fails, (unsigned long long)sum_off);
    walk_free_list();
    for (int s = 0; s < SLOTS; s++)
        if (LIVE[s] != NIL)
            free_block(LIVE[s]);
    walk_free_list();
    return 0;
}
