"""A dict used as a counter that grows and shrinks back to empty."""


def main() -> None:
    live: dict[int, int] = {}
    for i in range(50):
        live[i] = i * i
    print(len(live), live[49])
    for i in range(0, 50, 2):
        del live[i]
    print(len(live), list(live)[:5])
    for i in range(1, 50, 2):
        live.pop(i)
    print(len(live), live)
    live[3] = 9
    print(live)


if __name__ == "__main__":
    main()
