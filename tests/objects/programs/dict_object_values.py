"""A dict from str to instances; mutating a value through the dict."""


class Player:
    def __init__(self, name: str) -> None:
        self.name = name
        self.score = 0

    def __repr__(self) -> str:
        return f"{self.name}:{self.score}"


def main() -> None:
    players = {n: Player(n) for n in ["ann", "bob", "cy"]}
    for name, pts in [("ann", 3), ("cy", 5), ("ann", 4)]:
        players[name].score += pts
    print(players)
    best = max(players.values(), key=lambda p: p.score)
    print(best, best is players["ann"])


if __name__ == "__main__":
    main()
