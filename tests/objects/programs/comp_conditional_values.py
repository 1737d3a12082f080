"""Conditional expressions and calls inside comprehensions (FizzBuzz)."""


def fizz(n: int) -> str:
    s = ("Fizz" if n % 3 == 0 else "") + ("Buzz" if n % 5 == 0 else "")
    return s or str(n)


def main() -> None:
    print([fizz(n) for n in range(1, 16)])
    print(["even" if n % 2 == 0 else "odd" for n in range(4)])


if __name__ == "__main__":
    main()
