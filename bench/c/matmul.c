/* Matrix multiplication: the same algorithm as programs/matmul.py. */
#include <stdint.h>
#include <stdio.h>

#ifndef M
#define M 256
#endif
#define ROUNDS 64

static int64_t A[M][M], B[M][M], C[M][M];

/* C = A x B */
static void multiply(void) {
    for (long i = 0; i < M; i++) {
        for (long j = 0; j < M; j++)
            C[i][j] = 0;
        for (long k = 0; k < M; k++) {
            int64_t a = A[i][k];
            for (long j = 0; j < M; j++)
                C[i][j] += a * B[k][j];
        }
    }
}

int main(void) {
    for (long i = 0; i < M; i++)
        for (long j = 0; j < M; j++) {
            A[i][j] = (i * 7 + j * 13) % 1000;
            B[i][j] = (i * 11 + j * 5 + 3) % 1000;
        }
    uint64_t total = 0;
    for (long r = 0; r < ROUNDS; r++) {
        multiply();
        uint64_t h = 0;
        for (long i = 0; i < M; i++)
            for (long j = 0; j < M; j++)
                h = h * 31 + (uint64_t)C[i][j];
        if (r % 16 == 0)
            printf("round %ld: C[0][0] %lld C[M-1][M-1] %lld hash %016llx\n", r,
                   (long long)C[0][0], (long long)C[M - 1][M - 1], (unsigned long long)h);
        total = total * 3 + h;
        /* the next right-hand side: B's rows rotated by one, one entry changed */
        int64_t first[M];
        for (long j = 0; j < M; j++)
            first[j] = B[0][j];
        for (long k = 0; k < M - 1; k++)
            for (long j = 0; j < M; j++)
                B[k][j] = B[k + 1][j];
        for (long j = 0; j < M; j++)
            B[M - 1][j] = first[j];
        B[r % M][r % M] = r % 1000;
    }
    printf("hash of hashes %016llx\n", (unsigned long long)total);
    return 0;
}
