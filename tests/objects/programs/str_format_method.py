"""str.format with positional, indexed and keyword fields and specs."""


def main() -> None:
    print("{} + {} = {}".format(1, 2, 3))
    print("{0}{1}{0}".format("ab", "cd"))
    print("{name} is {age:>3}".format(name="ann", age=7))
    print("{:*^9}|{:<4}|{:x}".format("mid", "é", 255))
    print("{{literal}} {}".format("ok"))


if __name__ == "__main__":
    main()
