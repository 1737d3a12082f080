"""A list as a stack (append/pop) and as a queue (pop(0)): a bracket
matcher and a round-robin scheduler."""


def balanced(s: str) -> bool:
    pairs = {")": "(", "]": "[", "}": "{"}
    stack: list[str] = []
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack


def main() -> None:
    for s in ["([]{})", "(]", "((", "", "a(b)c[d{e}]"]:
        print(repr(s), balanced(s))
    queue = [("a", 3), ("b", 1), ("c", 2)]
    order: list[str] = []
    while queue:
        name, left = queue.pop(0)
        order.append(name)
        if left > 1:
            queue.append((name, left - 1))
    print(order)


if __name__ == "__main__":
    main()
