"""dict.get returns V | None; narrowing by `is None` and by truth."""


def lookup(phone: dict[str, int], name: str) -> str:
    n = phone.get(name)
    if n is None:
        return name + ": unknown"
    return f"{name}: {n + 0}"


def main() -> None:
    phone = {"ann": 1234, "bob": 0}
    for name in ["ann", "bob", "cid"]:
        print(lookup(phone, name))
    v = phone.get("bob")
    print("truthy" if v else "falsy or missing", v is None)
    print(phone.get("zed", -1), phone.get("ann", -1))


if __name__ == "__main__":
    main()
