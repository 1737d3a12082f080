# error: 19:12: returning 'best' would copy a struct that the caller can also reach (it names a struct or array that exists elsewhere)
from pythos.lang import Array, struct, u32


@struct
class Slot:
    score: u32


slots = Array[Slot, 4]()


def best_slot() -> Slot:
    best = slots[0]
    for i in range(1, 4):
        s = slots[i]
        if s.score > best.score:
            best = s
    return best


def main() -> None:
    slots[2].score = u32(8)
    print(best_slot().score)


if __name__ == "__main__":
    main()
