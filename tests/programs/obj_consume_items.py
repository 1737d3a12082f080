"""Items changed in place and read back: `xs[i] += "x"` on a list[str]
(the list and the index once, as CPython does), d.pop(k, default) with
int, str and object values, print() writing each argument's text only
once all are evaluated, list.sort() of instances through __lt__, and
str()/repr() of lists and tuples as values."""


class Job:
    def __init__(self, priority: int, name: str) -> None:
        self.priority = priority
        self.name = name

    def __lt__(self, other: "Job") -> bool:
        return self.priority < other.priority

    def __repr__(self) -> str:
        return f"Job({self.priority}, {self.name})"


def pick(log: list[str], i: int) -> int:
    log.append(f"index {i}")
    return i


def main() -> None:
    xs = ["a", "b", "c", "d"]
    xs[0] += "!"
    xs[-1] += xs[0] + "?"
    log: list[str] = []
    xs[pick(log, 1)] += "é"
    for i in range(len(xs)):
        xs[i] += str(i)
    print(xs, log)
    grid = [["x", "y"], ["z"]]
    grid[1][0] += "w"
    grid[0][-1] += grid[1][0]
    print(grid)
    counts = {"a": 1, "b": 2}
    print(counts.pop("a", 0), counts.pop("zz", -1), counts.pop("b", 99), counts)
    names = {1: "one", 2: "two"}
    print(names.pop(1, "none"), names.pop(1, "none"), names)
    jobs = {"x": Job(3, "x")}
    spare = Job(0, "spare")
    print(jobs.pop("x", spare), jobs.pop("x", spare), len(jobs))
    ys = [1, 2, 3]
    print(ys, ys.pop(), ys)
    print(f"{ys}", ys.pop(), ys)
    queue = [Job(2, "b"), Job(1, "a"), Job(3, "c"), Job(1, "z")]
    queue.sort()
    print(queue)
    queue.sort(reverse=True)
    print(queue, sorted(queue)[0], min(queue), max(queue))
    text = str(ys) + "|" + repr(("a", 3)) + "|" + str([["é"]]) + str(()) + str(queue[:1])
    print(text, len(str(xs)), repr(xs) == str(xs))
    seen: set[str] = set()
    index: dict[str, int] = dict()
    for w in ["b", "a", "b"]:
        seen.add(w)
        index[w] = len(index)
    print(sorted(seen), sorted(set("abc")), sorted(set(seen)), index, dict(index) == index)


if __name__ == "__main__":
    main()
