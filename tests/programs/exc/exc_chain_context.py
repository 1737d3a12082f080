"""An exception raised while another is handled: CPython shows both."""


def cleanup(items: list[int]) -> None:
    print("cleaning", len(items))
    items[10] = 0


def work() -> None:
    items = [1, 2, 3]
    try:
        raise RuntimeError("work failed")
    except RuntimeError:
        cleanup(items)


def main() -> None:
    work()


if __name__ == "__main__":
    main()
