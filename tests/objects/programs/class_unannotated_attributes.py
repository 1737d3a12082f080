"""Class attributes without annotations: mypy infers the type of an int,
str, bool or bytes literal, and each instance reads the class's value
until it assigns its own."""


class Light:
    on = False
    color = "white"
    level = -1
    tag = b"L"
    watts = +60

    def __init__(self, color: str) -> None:
        if color:
            self.color = color

    def toggle(self) -> None:
        self.on = not self.on
        self.level += 2

    def __repr__(self) -> str:
        return f"Light({self.color!r}, on={self.on}, level={self.level}, {self.tag!r}, {self.watts})"


class Lamp(Light):
    shade = "paper"

    def toggle(self) -> None:
        super().toggle()
        self.shade = self.shade.upper()


def main() -> None:
    a = Light("")
    b = Light("red")
    b.toggle()
    print(a, b)
    lamp = Lamp("green")
    lamp.toggle()
    lamp.toggle()
    print(lamp, lamp.shade)
    lights: list[Light] = [a, b, lamp]
    print(sum(light.level for light in lights), [light.on for light in lights])


if __name__ == "__main__":
    main()
