"""Nested comprehensions whose inner condition reads the outer variable."""


def main() -> None:
    pts = [(x, y) for x in range(5) for y in range(5) if x < y if (x + y) % 3 == 0]
    print(pts)
    triples = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
    print(triples)


if __name__ == "__main__":
    main()
