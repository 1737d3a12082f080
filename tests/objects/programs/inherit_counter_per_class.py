"""A subclass extends a base's state machine; methods of each level
update shared fields."""


class Door:
    def __init__(self) -> None:
        self.open = False
        self.log: list[str] = []

    def toggle(self) -> None:
        self.open = not self.open
        self.log.append("open" if self.open else "closed")


class LockedDoor(Door):
    def __init__(self) -> None:
        super().__init__()
        self.locked = True

    def toggle(self) -> None:
        if self.locked:
            self.log.append("locked")
            return
        super().toggle()

    def unlock(self) -> None:
        self.locked = False
        self.log.append("unlocked")


class AlarmDoor(LockedDoor):
    def toggle(self) -> None:
        super().toggle()
        if self.open:
            self.log.append("beep")


def main() -> None:
    d = AlarmDoor()
    d.toggle()
    d.unlock()
    d.toggle()
    d.toggle()
    print(d.log, d.open, d.locked)


if __name__ == "__main__":
    main()
