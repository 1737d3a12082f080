"""The Richards benchmark: Martin Richards' simulation of a small operating
system's task scheduler (an idle task, a worker, two packet handlers and two
devices passing message packets around), written here with classes.

Exercises: method calls through a class hierarchy (each kind of task
overrides `step`), attribute reads and writes, linked lists of objects
threaded through `Packet | None` fields, a short `list[int]` per packet.
Few allocations: this measures dispatch and field access.

With the classic parameters (an idle count of 10,000) one run queues 23,246
packets and holds a task 9,297 times; `main` checks both on every run.
"""

from __future__ import annotations

from typing import Final

RUNS: Final = 30
IDLE_COUNT: Final = 10000
BUFFER_SIZE: Final = 4

# task identities, in rising priority
IDLE: Final = 0
WORKER: Final = 1
HANDLER_A: Final = 2
HANDLER_B: Final = 3
DEVICE_A: Final = 4
DEVICE_B: Final = 5
TASK_COUNT: Final = 6

# packet kinds
KIND_DEVICE: Final = 0
KIND_WORK: Final = 1


class Packet:
    def __init__(self, link: Packet | None, ident: int, kind: int) -> None:
        self.link = link
        self.ident = ident  # the task it goes to, or came from
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue: Packet | None) -> Packet:
        """Put this packet at the end of `queue`; returns the queue's head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    """A task control block.  Its state is three flags: a packet is waiting
    in `queue`, the task waits for one, the task is held (suspended by
    another task until released)."""

    def __init__(self, sched: Scheduler, ident: int, priority: int,
                 queue: Packet | None, waiting: bool) -> None:
        self.sched = sched
        self.link = sched.tasks  # the scheduler's list, highest priority first
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = queue is not None
        self.waiting = waiting
        self.holding = False
        sched.tasks = self
        sched.by_ident[ident] = self

    def runnable(self) -> bool:
        if self.holding:
            return False
        return self.packet_pending or not self.waiting

    def run(self) -> Task | None:
        packet: Packet | None = None
        if self.packet_pending and self.waiting:
            packet = self.queue
            assert packet is not None
            self.queue = packet.link
            self.packet_pending = self.queue is not None
            self.waiting = False
        return self.step(packet)

    def step(self, packet: Packet | None) -> Task | None:
        """One step of the task's work (each kind overrides it); a task with
        nothing to do waits for a packet."""
        return self.wait()

    def add_packet(self, packet: Packet, current: Task) -> Task:
        """Deliver `packet` to this task; returns the task to run next."""
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current

    # the system calls a task makes while it runs
    def wait(self) -> Task:
        self.waiting = True
        return self

    def hold(self) -> Task | None:
        self.sched.hold_count += 1
        self.holding = True
        return self.link

    def release(self, ident: int) -> Task:
        task = self.sched.find(ident)
        task.holding = False
        return task if task.priority > self.priority else self

    def send(self, packet: Packet) -> Task:
        target = self.sched.find(packet.ident)
        self.sched.queue_count += 1
        packet.link = None
        packet.ident = self.ident
        return target.add_packet(packet, self)


class IdleTask(Task):
    """Releases the two devices in a pseudo-random order, `count` times."""

    def __init__(self, sched: Scheduler, count: int) -> None:
        super().__init__(sched, IDLE, 1, None, False)
        self.control = 1
        self.count = count

    def step(self, packet: Packet | None) -> Task | None:
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    """Fills work packets with letters and sends them to the handlers in turn."""

    def __init__(self, sched: Scheduler, queue: Packet) -> None:
        super().__init__(sched, WORKER, 1000, queue, True)
        self.destination = HANDLER_A
        self.count = 0

    def step(self, packet: Packet | None) -> Task | None:
        if packet is None:
            return self.wait()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = ord("A") + self.count - 1
        return self.send(packet)


class HandlerTask(Task):
    """Copies the letters of work packets, one per device packet, to a device."""

    def __init__(self, sched: Scheduler, ident: int, priority: int, queue: Packet) -> None:
        super().__init__(sched, ident, priority, queue, True)
        self.work: Packet | None = None
        self.devices: Packet | None = None

    def step(self, packet: Packet | None) -> Task | None:
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            index = work.datum
            if index < BUFFER_SIZE:
                device = self.devices
                if device is not None:
                    self.devices = device.link
                    device.datum = work.data[index]
                    work.datum = index + 1
                    return self.send(device)
            else:
                self.work = work.link
                return self.send(work)
        return self.wait()


class DeviceTask(Task):
    """Holds one packet, then sends it back to its handler."""

    def __init__(self, sched: Scheduler, ident: int, priority: int) -> None:
        super().__init__(sched, ident, priority, None, True)
        self.pending: Packet | None = None
        self.output = 0  # a checksum of the letters "printed"

    def step(self, packet: Packet | None) -> Task | None:
        if packet is None:
            pending = self.pending
            if pending is None:
                return self.wait()
            self.pending = None
            return self.send(pending)
        self.pending = packet
        self.output = (self.output * 31 + packet.datum) & 0xFFFFFFFF
        return self.hold()


class Scheduler:
    def __init__(self) -> None:
        self.tasks: Task | None = None
        self.by_ident: list[Task | None] = [None] * TASK_COUNT
        self.queue_count = 0
        self.hold_count = 0

    def schedule(self) -> None:
        task = self.tasks
        while task is not None:
            task = task.run() if task.runnable() else task.link

    def find(self, ident: int) -> Task:
        task = self.by_ident[ident]
        assert task is not None
        return task


def run_once() -> tuple[int, int, int]:
    sched = Scheduler()
    IdleTask(sched, IDLE_COUNT)
    work = Packet(Packet(None, 0, KIND_WORK), 0, KIND_WORK)
    WorkerTask(sched, work)
    for ident, device, priority in ((HANDLER_A, DEVICE_A, 2000), (HANDLER_B, DEVICE_B, 3000)):
        queue: Packet | None = None
        for _ in range(3):
            queue = Packet(queue, device, KIND_DEVICE)
        assert queue is not None
        HandlerTask(sched, ident, priority, queue)
    devices = [DeviceTask(sched, DEVICE_A, 4000), DeviceTask(sched, DEVICE_B, 5000)]
    sched.schedule()
    return sched.queue_count, sched.hold_count, devices[0].output ^ devices[1].output


def main() -> None:
    checksum = 0
    for run in range(RUNS):
        queued, held, output = run_once()
        if queued != 23246 or held != 9297:
            print(f"run {run}: wrong result: {queued} packets queued, {held} holds")
            return
        checksum = (checksum * 33 + queued + held + output) & 0xFFFFFFFF
    print(f"{RUNS} runs: {queued} packets queued, {held} holds, device output {output:08x}")
    print(f"checksum {checksum:08x}")


if __name__ == "__main__":
    main()
