"""finally runs on return, break, continue, and on the way out of an error."""


def on_return(n: int) -> int:
    try:
        if n > 0:
            return n * 2
        return -1
    finally:
        print("finally after return of", n)


def loop() -> list[int]:
    out: list[int] = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            out.append(i)
        finally:
            print("finally for", i)
    return out


def nested() -> str:
    log: list[str] = []
    try:
        try:
            log.append("inner body")
            raise ValueError("inner")
        finally:
            log.append("inner finally")
    except ValueError as e:
        log.append(f"outer caught {e}")
    finally:
        log.append("outer finally")
    return ", ".join(log)


def swallowed() -> int:
    for _ in range(3):
        try:
            raise IndexError("gone")
        finally:
            break
    return 7


def main() -> None:
    print(on_return(5), on_return(0))
    print(loop())
    print(nested())
    print(swallowed())
    total = 0
    for i in range(100):
        try:
            if i % 7 == 0:
                raise ValueError(str(i))
            total += i
        except ValueError:
            total -= 1
    print("total", total)


main()
