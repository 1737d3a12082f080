from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional


@dataclass(frozen=True, order=True)
class Money:
    cents: int

    def __add__(self, other: Money) -> Money:
        return Money(self.cents + other.cents)

    def __str__(self) -> str:
        sign = "-" if self.cents < 0 else ""
        return f"{sign}${abs(self.cents) // 100}.{abs(self.cents) % 100:02d}"


@dataclass
class Account:
    name: str
    balance: Money = Money(0)
    log: list[str] = field(default_factory=list)

    def apply(self, amount: Money) -> None:
        if (self.balance + amount).cents < 0:
            raise ValueError(f"{self.name}: insufficient funds for {amount}")
        self.balance = self.balance + amount
        self.log.append(str(amount))


class Bank:
    def __init__(self) -> None:
        self.accounts: dict[str, Account] = {}

    def open(self, name: str) -> Account:
        if name in self.accounts:
            raise KeyError(name)
        acct = self.accounts[name] = Account(name)
        return acct

    def find(self, name: str) -> Optional[Account]:
        return self.accounts.get(name)

    def richest(self, n: int) -> list[tuple[str, Money]]:
        ranked = sorted(((a.balance, a.name) for a in self.accounts.values()), reverse=True)
        return [(name, bal) for bal, name in ranked[:n]]

    def __iter__(self) -> Iterator[Account]:
        yield from sorted(self.accounts.values(), key=lambda a: a.name)


def parse(line: str) -> tuple[str, str, int]:
    who, op, amount = line.split()
    return who, op, int(amount)


def main() -> None:
    bank = Bank()
    for n in ["carol", "alice", "bob"]:
        bank.open(n)
    script = """alice dep 1000
bob dep 250
carol dep 99999
alice wd 300
bob wd 500
dave dep 10
carol wd 1"""
    errors = 0
    for lineno, line in enumerate(script.splitlines(), 1):
        who, op, amount = parse(line)
        acct = bank.find(who)
        if acct is None:
            print(f"line {lineno}: no account {who!r}")
            errors += 1
            continue
        try:
            acct.apply(Money(amount if op == "dep" else -amount))
        except ValueError as e:
            print(f"line {lineno}: {e}")
            errors += 1
    for a in bank:
        print(f"{a.name:<8}{str(a.balance):>12}  {', '.join(a.log) or '-'}")
    print(bank.richest(2), errors)
    print(max(bank, key=lambda a: a.balance).name, Money(5) < Money(7), {Money(1), Money(1)})
    try:
        bank.open("bob")
    except KeyError as e:
        print("duplicate", e)


if __name__ == "__main__":
    main()
