"""@dataclass(order=True) compares fields in order, like tuples."""
from dataclasses import dataclass


@dataclass(order=True)
class Task:
    priority: int
    name: str


def main() -> None:
    tasks = [Task(2, "write"), Task(1, "read"), Task(2, "append"), Task(0, "boot")]
    tasks.sort()
    print(tasks)
    print(Task(1, "a") < Task(1, "b"), Task(2, "a") <= Task(1, "z"), Task(3, "") > Task(2, "z"))
    print(min(tasks).name, max(tasks).name)


if __name__ == "__main__":
    main()
