# error: 4:14: item "None" of "list[i64] | None" has no attribute "__iter__" (not itera
def total(xs: list[int] | None) -> int:
    result = 0
    for x in xs:
        result += x
    return result


def main() -> None:
    print(total([1]))


if __name__ == "__main__":
    main()
