/* Insertion sort and prefix sums: the same algorithm as programs/list_isort.py,
   over a malloc'd array grown by doubling as the list is by append. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef N
#define N 24000
#endif
#define ROUNDS 3

typedef struct {
    long length, capacity;
    int64_t *items;
} List;

static void append(List *l, int64_t v) {
    if (l->length >= l->capacity) {
        l->capacity = l->capacity ? l->capacity * 2 : 8;
        l->items = realloc(l->items, (size_t)l->capacity * sizeof(int64_t));
        if (!l->items)
            abort();
    }
    l->items[l->length++] = v;
}

static List build(uint64_t seed) {
    List a = {0, 0, NULL};
    uint64_t x = seed;
    for (long i = 0; i < N; i++) {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        append(&a, (int64_t)((x * 0x2545F4914F6CDD1DULL) >> 40));
    }
    return a;
}

static void insertion_sort(List *l) {
    int64_t *a = l->items;
    for (long i = 1; i < l->length; i++) {
        int64_t x = a[i];
        long j = i - 1;
        while (j >= 0 && a[j] > x) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = x;
    }
}

static void prefix_sums(List *l) {
    int64_t *a = l->items;
    for (long i = 1; i < l->length; i++)
        a[i] = a[i] + a[i - 1];
}

int main(void) {
    uint64_t total = 0;
    for (long r = 0; r < ROUNDS; r++) {
        List l = build(0x9E3779B97F4A7C15ULL + (uint64_t)r);
        insertion_sort(&l);
        long unsorted = 0;
        for (long i = 1; i < l.length; i++)
            if (l.items[i - 1] > l.items[i])
                unsorted++;
        int64_t lo = l.items[0], mid = l.items[l.length / 2], hi = l.items[l.length - 1];
        prefix_sums(&l);
        uint64_t h = 0;
        for (long i = 0; i < l.length; i++)
            h = h * 31 + (uint64_t)l.items[i];
        printf("round %ld: min %lld median %lld max %lld out of order %ld sum %lld hash %016llx\n",
               r, (long long)lo, (long long)mid, (long long)hi, unsorted,
               (long long)l.items[l.length - 1], (unsigned long long)h);
        total ^= h;
        free(l.items);
    }
    printf("xor of hashes %016llx\n", (unsigned long long)total);
    return 0;
}
