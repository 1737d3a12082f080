"""super().__init__ chains constructors; fields are inherited."""


class Vehicle:
    def __init__(self, wheels: int) -> None:
        self.wheels = wheels
        self.km = 0

    def drive(self, km: int) -> None:
        self.km += km


class Car(Vehicle):
    def __init__(self, brand: str) -> None:
        super().__init__(4)
        self.brand = brand


class Taxi(Car):
    def __init__(self, brand: str, fare: int) -> None:
        super().__init__(brand)
        self.fare = fare

    def drive(self, km: int) -> None:
        super().drive(km)
        self.fare += km * 2


def main() -> None:
    t = Taxi("volvo", 3)
    t.drive(10)
    t.drive(5)
    print(t.brand, t.wheels, t.km, t.fare)
    v: Vehicle = t
    v.drive(1)
    print(t.km, t.fare)


if __name__ == "__main__":
    main()
