# error: 3:5: need a type annotation for 'best' (it is None here; e.g. 'best: Node | None =
def main() -> None:
    best = None
    for w in ["a", "bb"]:
        best = w
    print(best)
