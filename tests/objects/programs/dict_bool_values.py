"""Dicts of bools and of Optional values."""


def main() -> None:
    enabled = {"net": True, "disk": False, "usb": True}
    print([k for k, on in enabled.items() if on], all(enabled.values()), any(enabled.values()))
    enabled["disk"] = not enabled["disk"]
    print(enabled)
    owner: dict[str, str | None] = {"a": "root", "b": None}
    for k, v in owner.items():
        print(k, v, v is None)


if __name__ == "__main__":
    main()
