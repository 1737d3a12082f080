"""A generator with yields in with, try, except, else and finally, nested in a
loop, driven by scripts of send, throw and close (compared with CPython)."""
from collections.abc import Generator


class Ctx:
    def __init__(self, log: list[str], name: str) -> None:
        self.log = log
        self.name = name

    def __enter__(self) -> "Ctx":
        self.log.append(f"enter {self.name}")
        return self

    def __exit__(self, *exc: object) -> None:
        self.log.append(f"exit {self.name}")


def machine(log: list[str]) -> Generator[str, str, int]:
    count = 0
    for round_ in range(3):
        try:
            with Ctx(log, f"r{round_}"):
                got = yield f"round {round_}"
                log.append(f"got {got}")
                try:
                    got = yield f"inner {round_}"
                    count += len(got)
                except KeyError as e:
                    log.append(f"inner caught {e}")
                    got = yield "after key"
                    count += 100
                else:
                    log.append("inner else")
                finally:
                    log.append("inner finally")
        except ValueError as e:
            log.append(f"outer caught {e}")
            yield "after value"
        finally:
            log.append(f"round {round_} done")
    return count


def drive(actions: str) -> None:
    log: list[str] = []
    g = machine(log)
    out: list[str] = []
    try:
        out.append(next(g))
        for a in actions:
            if a == "s":
                out.append(g.send("ab"))
            elif a == "k":
                out.append(g.throw(KeyError("k")))
            elif a == "v":
                out.append(g.throw(ValueError("v")))
            elif a == "c":
                g.close()
                out.append("closed")
                break
    except StopIteration as e:
        out.append(f"stop {e}")
    except KeyError as e:
        out.append(f"escaped KeyError {e}")
    except ValueError as e:
        out.append(f"escaped ValueError {e}")
    print(actions, out)
    print("   ", log)


def main() -> None:
    for actions in ["ssssssss", "sksssss", "svsssss", "skvsss", "ssc", "sc", "c", "kss",
                    "sskvssssss", "ssskc", "svc", "sksksksk", "vvvv"]:
        drive(actions)


if __name__ == "__main__":
    main()
