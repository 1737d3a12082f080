"""A small Richards-style scheduler: tasks with priorities and states,
a run queue and packets passed between tasks."""


class Packet:
    def __init__(self, dest: int, data: int) -> None:
        self.dest = dest
        self.data = data


class Task:
    def __init__(self, ident: int, priority: int) -> None:
        self.ident = ident
        self.priority = priority
        self.inbox: list[Packet] = []
        self.runs = 0

    def run(self, sched: "Scheduler") -> None:
        self.runs += 1


class Producer(Task):
    def __init__(self, ident: int, priority: int, dest: int, count: int) -> None:
        super().__init__(ident, priority)
        self.dest = dest
        self.left = count

    def run(self, sched: "Scheduler") -> None:
        super().run(sched)
        if self.left > 0:
            sched.send(Packet(self.dest, self.left))
            self.left -= 1


class Consumer(Task):
    def __init__(self, ident: int, priority: int) -> None:
        super().__init__(ident, priority)
        self.total = 0

    def run(self, sched: "Scheduler") -> None:
        super().run(sched)
        while self.inbox:
            self.total += self.inbox.pop(0).data


class Scheduler:
    def __init__(self) -> None:
        self.tasks: dict[int, Task] = {}

    def add(self, t: Task) -> None:
        self.tasks[t.ident] = t

    def send(self, p: Packet) -> None:
        self.tasks[p.dest].inbox.append(p)

    def loop(self, rounds: int) -> None:
        order = sorted(self.tasks.values(), key=lambda t: -t.priority)
        for _ in range(rounds):
            for t in order:
                t.run(self)


def main() -> None:
    s = Scheduler()
    c = Consumer(2, 1)
    s.add(Producer(1, 5, 2, 100))
    s.add(Producer(3, 3, 2, 7))
    s.add(c)
    s.loop(60)
    print(c.total, [(t.ident, t.runs) for t in s.tasks.values()])


if __name__ == "__main__":
    main()
