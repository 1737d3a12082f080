"""@dataclass(order=True): the generated orderings in <, <=, >, >=, sorted,
list.sort, min and max, with integer and str fields and a subclass that adds
fields."""
from dataclasses import dataclass


@dataclass(order=True)
class Version:
    major: int
    minor: int


@dataclass(order=True)
class Task:
    priority: int
    name: str


@dataclass(order=True)
class Job(Task):
    owner: str = "root"


def main() -> None:
    vs = [Version(1, 2), Version(0, 9), Version(1, 0), Version(0, 9)]
    print(sorted(vs))
    vs.sort(reverse=True)
    print(vs)
    print(min(vs), max(vs), min(Version(3, 1), Version(2, 8), Version(2, 9)))
    print(Version(1, 2) < Version(1, 3), Version(1, 2) <= Version(1, 2), Version(2, 0) > Version(1, 9), Version(1, 1) >= Version(1, 2))
    tasks = [Task(2, "write"), Task(1, "read"), Task(2, "append"), Task(0, "boot")]
    print(sorted(tasks, reverse=True))
    print(min(tasks).name, max(tasks).name)
    jobs = [Job(1, "b", "x"), Job(1, "b", "a"), Job(0, "z")]
    jobs.sort()
    print(jobs)
    t: Task = jobs[0]
    print(t < jobs[1], t >= jobs[2])
    print(Task(1, "a") < Task(1, "b"))


if __name__ == "__main__":
    main()
