"""A list of `T | None`: filtering with a comprehension narrows."""


class Reading:
    def __init__(self, value: int) -> None:
        self.value = value


def main() -> None:
    raw: list[Reading | None] = [Reading(3), None, Reading(5), None, Reading(-1)]
    present = [r for r in raw if r is not None]
    print(len(present), [r.value for r in present])
    total = 0
    for r in raw:
        if r is None:
            continue
        total += r.value
    print(total, raw.count(None), sum(1 for r in raw if r is None))


if __name__ == "__main__":
    main()
