"""Default arguments of immutable types: ints, str, None, tuples, bools;
keyword arguments in any order."""


def greet(name: str, greeting: str = "hello", times: int = 1, punct: str | None = None,
          box: tuple[str, str] = ("[", "]")) -> str:
    end = punct if punct is not None else "."
    return box[0] + " ".join([f"{greeting} {name}"] * times) + end + box[1]


def main() -> None:
    print(greet("ann"))
    print(greet("bob", "hi", 2))
    print(greet("cy", punct="!", box=("<", ">")))
    print(greet(times=3, name="é", greeting="yo"))


if __name__ == "__main__":
    main()
