"""update overwrites existing keys in place and appends new ones."""


def main() -> None:
    base = {"host": "localhost", "port": "80", "debug": "no"}
    override = {"port": "8080", "user": "root"}
    cfg = base.copy()
    cfg.update(override)
    print(cfg)
    print(base)
    cfg.update({"host": "a.example"})
    print(list(cfg.items()))


if __name__ == "__main__":
    main()
