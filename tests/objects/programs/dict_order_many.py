"""Insertion order survives many insertions and deletions (and the
table's growth and compaction)."""


def main() -> None:
    d: dict[int, int] = {}
    for i in range(100):
        d[i * 7 % 101] = i
    for k in list(d):
        if k % 3 == 0:
            del d[k]
    for i in range(20):
        d[1000 + i] = -i
    keys = list(d)
    print(len(d), keys[:10], keys[-5:])
    print(sum(d.values()), min(d), max(d))


if __name__ == "__main__":
    main()
