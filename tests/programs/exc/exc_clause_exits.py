"""Leaving except clauses by continue, break and return; keeping caught exceptions."""


class Problem(Exception):
    def __init__(self, index: int) -> None:
        super().__init__(f"problem at {index}")
        self.index = index


def first_good(values: list[int]) -> int:
    for i, v in enumerate(values):
        try:
            if v < 0:
                raise Problem(i)
            return v
        except Problem:
            continue
    return -1


def until_bad(values: list[int]) -> int:
    total = 0
    for v in values:
        try:
            total += 100 // v
        except ZeroDivisionError:
            break
        finally:
            total += 1
    return total


def describe(values: list[int]) -> str:
    try:
        return str(values[len(values)])
    except IndexError as e:
        return f"no item: {e}"
    finally:
        values.append(0)


def main() -> None:
    print(first_good([-1, -2, 7, -3]))
    print(first_good([-1]))
    print(until_bad([1, 2, 0, 5]))
    v = [1, 2]
    print(describe(v), v)
    kept: list[Problem] = []
    for i in range(4):
        try:
            raise Problem(i * 10)
        except Problem as e:
            if e.index % 20 == 0:
                kept.append(e)
    print([p.index for p in kept], [str(p) for p in kept])


if __name__ == "__main__":
    main()
