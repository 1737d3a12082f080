"""`if x is None: return` narrows the code after it."""


class User:
    def __init__(self, name: str, email: str | None) -> None:
        self.name = name
        self.email = email


def domain(u: User) -> str:
    email = u.email
    if email is None:
        return "(none)"
    at = email.find("@")
    return email[at + 1:]


def main() -> None:
    users = [User("a", "a@example.org"), User("b", None), User("c", "c@pythos.dev")]
    for u in users:
        print(u.name, domain(u), u.email)


if __name__ == "__main__":
    main()
