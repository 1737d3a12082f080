"""Exception classes with their own fields and __init__."""


class HttpError(Exception):
    def __init__(self, code: int, reason: str) -> None:
        super().__init__(f"{code} {reason}")
        self.code = code
        self.reason = reason


class NotFound(HttpError):
    def __init__(self, path: str) -> None:
        super().__init__(404, "Not Found")
        self.path = path


class Quiet(Exception):
    def __init__(self, level: int) -> None:
        self.level = level


def fetch(path: str) -> str:
    if path.startswith("/missing"):
        raise NotFound(path)
    if path == "/teapot":
        raise HttpError(418, "I'm a teapot")
    return "<html>" + path


def main() -> None:
    for p in ["/index", "/missing/page", "/teapot"]:
        try:
            print(fetch(p))
        except NotFound as e:
            print("not found:", e.path, e.code, e)
        except HttpError as e:
            print("http error:", e.code, e.reason, str(e), repr(e))
    try:
        raise Quiet(3)
    except Quiet as q:
        print("quiet", q.level, repr(q), str(q))
    raise NotFound("/gone")


if __name__ == "__main__":
    main()
