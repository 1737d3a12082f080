"""An object removed from one container lives on in another."""


class Job:
    def __init__(self, name: str) -> None:
        self.name = name
        self.done = False


def main() -> None:
    pending = [Job("a"), Job("b"), Job("c")]
    everything = {j.name: j for j in pending}
    finished = pending.pop(1)
    finished.done = True
    pending.clear()
    print(finished.name, [(k, j.done) for k, j in everything.items()], len(pending))
    everything.clear()
    print(finished.name, finished.done)


if __name__ == "__main__":
    main()
