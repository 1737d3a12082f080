# error: 8:11: class "Box" has no class attribute "sizes" (fields belong to instances; a default value of an int, str, bytes or bool literal can be read through the class)
class Box:
    limit: int = 5
    sizes: tuple[int, int] = (1, 2)


def main() -> None:
    print(Box.sizes)


if __name__ == "__main__":
    main()
