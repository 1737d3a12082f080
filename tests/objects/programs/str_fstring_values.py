"""f-strings as values: stored, returned, passed, with format specs."""


def label(name: str, n: int) -> str:
    return f"{name:<6}|{n:>5}|{n:05d}|{n:x}|{n:#o}"


def main() -> None:
    rows = [label(w, i * 37) for i, w in enumerate(["a", "bé", "cats"])]
    for r in rows:
        print(r)
    s = f"{len(rows)} rows, {rows[0][:3]}"
    print(s, len(s))
    nested = f"[{f'{3:>3}'}]"
    print(nested, f"{'x' * 3}{10 - 7}", f"{True} {False}")


if __name__ == "__main__":
    main()
