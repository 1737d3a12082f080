"""Instances holding other instances, lists and dicts."""


class Account:
    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.history: list[int] = []

    def deposit(self, n: int) -> None:
        self.history.append(n)

    def balance(self) -> int:
        return sum(self.history)


class Bank:
    def __init__(self) -> None:
        self.accounts: dict[str, Account] = {}

    def open(self, owner: str) -> Account:
        acct = Account(owner)
        self.accounts[owner] = acct
        return acct

    def total(self) -> int:
        return sum(a.balance() for a in self.accounts.values())


def main() -> None:
    bank = Bank()
    bank.open("ann").deposit(100)
    bob = bank.open("bob")
    bob.deposit(30)
    bob.deposit(-10)
    bank.accounts["ann"].deposit(5)
    for name, acct in bank.accounts.items():
        print(name, acct.balance(), acct.history)
    print(bank.total())


if __name__ == "__main__":
    main()
