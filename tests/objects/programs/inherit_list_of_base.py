"""A list[Base] holding instances of several subclasses; sorted with a
key calling an overridden method."""


class Employee:
    def __init__(self, name: str, base: int) -> None:
        self.name = name
        self.base = base

    def pay(self) -> int:
        return self.base


class Manager(Employee):
    def pay(self) -> int:
        return self.base * 2


class Director(Manager):
    def pay(self) -> int:
        return super().pay() + 1000


def main() -> None:
    staff: list[Employee] = [Director("d", 500), Employee("e", 900), Manager("m", 400)]
    for e in sorted(staff, key=lambda e: e.pay()):
        print(e.name, e.pay())
    print(max(staff, key=lambda e: e.pay()).name, sum(e.pay() for e in staff))


if __name__ == "__main__":
    main()
