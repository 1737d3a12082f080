"""A subclass adds fields after the base's and reads both."""


class Person:
    def __init__(self, name: str, age: int) -> None:
        self.name = name
        self.age = age

    def card(self) -> str:
        return f"{self.name} ({self.age})"


class Employee(Person):
    def __init__(self, name: str, age: int, team: str) -> None:
        super().__init__(name, age)
        self.team = team
        self.reports: list[Person] = []

    def card(self) -> str:
        return super().card() + f" of {self.team}, {len(self.reports)} reports"


def main() -> None:
    boss = Employee("ada", 36, "core")
    boss.reports.append(Person("bo", 20))
    boss.reports.append(Employee("cy", 25, "core"))
    people: list[Person] = [boss]
    people += boss.reports
    for p in people:
        print(p.card())
    print(sum(p.age for p in people))


if __name__ == "__main__":
    main()
