from pythos.lang import u32, i32


def classify(n: i32) -> int:
    if n < 0:
        if n < -100:
            return -2
        else:
            return -1
    elif n == 0:
        return 0
    elif n < 10:
        return 1
    elif n < 100:
        return 2
    else:
        return 3


def fizzbuzz(n: int) -> None:
    for i in range(1, n + 1):
        if i % 15 == 0:
            print("FizzBuzz")
        elif i % 3 == 0:
            print("Fizz")
        elif i % 5 == 0:
            print("Buzz")
        else:
            print(i)


def grade(score: u32) -> str:
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    return "F"


def main() -> None:
    for v in range(-150, 151, 25):
        print(v, classify(i32(v)))
    fizzbuzz(20)
    counts = 0
    for s in range(55, 101, 5):
        g = grade(u32(s))
        print(f"{s}: {g}")
        if g == "A":
            counts += 1
    print("A count", counts)
    x = 7
    if x:
        print("x truthy")
    if not x:
        print("unreachable")
    else:
        print("not x is False")
    if x > 5:
        if x > 6:
            if x > 7:
                print("gt7")
            else:
                print("eq7")
    if x == 1:
        pass
    elif x == 7:
        pass
    else:
        print("unreachable")
    print("done")


if __name__ == "__main__":
    main()
