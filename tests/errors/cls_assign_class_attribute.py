# error: 8:5: cannot assign to the class attribute 'Box.limit': a class's attributes are constants in Pythos (assign the instance's field instead)
class Box:
    limit: int = 5


def main() -> None:
    print(Box.limit)
    Box.limit = 7
    print(Box.limit)


if __name__ == "__main__":
    main()
