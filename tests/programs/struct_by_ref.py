from pythos.lang import struct, u32, i64, Array


@struct
class Account:
    balance: i64
    ops: u32
    history: Array[i64, 4]


def deposit(a: Account, amount: i64) -> None:
    a.history[int(a.ops % 4)] = amount
    a.balance += amount
    a.ops += 1


def transfer(src: Account, dst: Account, amount: i64) -> bool:
    if src.balance < amount:
        return False
    deposit(src, -amount)
    deposit(dst, amount)
    return True


def clear_history(h: Array[i64, 4]) -> None:
    for i in range(len(h)):
        h[i] = 0


def show(name: str, a: Account) -> None:
    print(f"{name}: balance={a.balance} ops={a.ops} hist=", end="")
    print(a.history[0], a.history[1], a.history[2], a.history[3], sep=",")


def main() -> None:
    alice = Account(100)
    bob = Account()
    deposit(alice, i64(50))
    show("alice", alice)
    print("t1", transfer(alice, bob, i64(120)))
    print("t2", transfer(alice, bob, i64(120)))
    print("t3", transfer(bob, alice, i64(20)))
    show("alice", alice)
    show("bob", bob)
    # aliasing: q names the same struct as alice
    q = alice
    q.balance = 1
    deposit(q, i64(9))
    show("alice via alias", alice)
    print("same ops", q.ops == alice.ops)
    # an array field passed by reference is modified in place
    clear_history(alice.history)
    show("alice cleared", alice)
    # struct in an array passed by reference
    accts = Array[Account, 3]()
    for i in range(3):
        deposit(accts[i], i64(i * 10 + 5))
    for i in range(10):
        transfer(accts[i % 3], accts[(i + 1) % 3], i64(3))
    for i in range(3):
        show("acct", accts[i])


if __name__ == "__main__":
    main()
