"""key= and reverse= with lambdas, functions, bound methods and builtins:
sorted, list.sort, min and max, with CPython's stability and ties (min
and max return the first of equal items)."""
from pythos.lang import i32


class Player:
    def __init__(self, name: str, score: int) -> None:
        self.name = name
        self.score = score

    def __repr__(self) -> str:
        return "Player(" + repr(self.name) + f", {self.score})"


class Ranking:
    def __init__(self, order: str) -> None:
        self.order = order

    def rank(self, word: str) -> int:
        return self.order.find(word[0])


def last_letter(word: str) -> str:
    return word[-1]


def parity(n: int) -> bool:
    return n % 2 == 1


def narrow(n: int) -> i32:
    return i32(n % 7) - i32(3)


def main() -> None:
    words = ["pear", "fig", "apple", "kiwi", "banana", "date", "plum"]
    print(sorted(words, key=len), sorted(words, key=len, reverse=True))
    print(sorted(words, key=last_letter), sorted(words, key=lambda w: (len(w), w)))
    print(sorted(words, reverse=True, key=lambda w: w[1]))
    nums = [5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 11, 10]
    print(sorted(nums, key=parity), sorted(nums, key=narrow), sorted(nums, key=str))
    print(min(nums, key=narrow), max(nums, key=narrow), min(words, key=len),
          max(words, key=len))
    r = Ranking("zyxwvutsrqponmlkjihgfedcba")
    print(sorted(words, key=r.rank), min(words, key=r.rank), max(words, key=r.rank))
    players = [Player("ann", 3), Player("bob", 5), Player("cy", 3), Player("di", 5),
               Player("ed", 1)]
    players.sort(key=lambda p: p.score)
    print(players)
    players.sort(key=lambda p: p.score, reverse=True)
    print(players)
    print(min(players, key=lambda p: p.score), max(players, key=lambda p: p.score))
    print(max(players, key=lambda p: p.name), min(players, key=lambda p: -p.score))
    pairs = [(3, "c"), (1, "z"), (3, "a"), (1, "b"), (2, "q")]
    pairs.sort(key=lambda t: t[0])
    print(pairs)
    pairs.sort(key=lambda t: t[1], reverse=True)
    print(pairs, sorted(pairs, key=lambda t: -t[0]))
    empty: list[str] = []
    empty.sort(key=len)
    print(sorted(empty, key=len), empty)
    offset = 4
    print(sorted(nums, key=lambda n: (n - offset) * (n - offset)))


if __name__ == "__main__":
    main()
