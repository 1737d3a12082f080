"""The generated orderings of @dataclass(order=True) hold only between
instances of one class: a sort of a Task and a Job is a TypeError."""
from dataclasses import dataclass


@dataclass(order=True)
class Task:
    priority: int
    name: str


@dataclass(order=True)
class Job(Task):
    owner: str = "root"


def main() -> None:
    tasks: list[Task] = [Task(1, "a"), Job(0, "b")]
    print(tasks[0] <= tasks[0])
    tasks.sort()
    print(tasks)


if __name__ == "__main__":
    main()
