# error: 2:5: the type alias 'A' refers to itself
A = list[B]
B = list[A]


def main() -> None:
    x: A = []
    print(x)
