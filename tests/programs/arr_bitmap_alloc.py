from typing import Final

from pythos.lang import u64, Array

FRAMES: Final = 256
WORDS: Final = 4
BITMAP = Array[u64, 4]()
used_frames = 0


def is_used(frame: int) -> bool:
    return (BITMAP[frame // 64] >> u64(frame % 64)) & 1 == 1


def mark(frame: int, used: bool) -> None:
    global used_frames
    bit = u64(1) << u64(frame % 64)
    if used:
        if not is_used(frame):
            used_frames += 1
        BITMAP[frame // 64] |= bit
    else:
        if is_used(frame):
            used_frames -= 1
        BITMAP[frame // 64] &= ~bit


def alloc(count: int) -> int:
    # first fit for `count` consecutive free frames; -1 when none
    run = 0
    for f in range(FRAMES):
        if is_used(f):
            run = 0
        else:
            run += 1
            if run == count:
                start = f - count + 1
                for g in range(start, f + 1):
                    mark(g, True)
                return start
    return -1


def free(start: int, count: int) -> None:
    for f in range(start, start + count):
        mark(f, False)


def fast_first_free() -> int:
    for w in range(WORDS):
        word = BITMAP[w]
        if word != ~u64(0):
            inv = ~word
            bit = 0
            while (inv & 1) == 0:
                inv >>= 1
                bit += 1
            return w * 64 + bit
    return -1


def main() -> None:
    a = alloc(10)
    b = alloc(70)
    c = alloc(1)
    print("a", a, "b", b, "c", c, "used", used_frames)
    free(b, 70)
    print("after free b: used", used_frames, "first free", fast_first_free())
    d = alloc(64)
    e = alloc(7)
    print("d", d, "e", e, "used", used_frames)
    f = alloc(200)
    print("f (too big)", f)
    for w in range(WORDS):
        print(f"word {w}: {BITMAP[w]:#018x}")
    free(a, 10)
    print("first free", fast_first_free())
    g = alloc(160)
    print("g", g, "used", used_frames)
    # fill everything one frame at a time
    n = 0
    while alloc(1) >= 0:
        n += 1
    print("filled", n, "more frames; used", used_frames, "first free", fast_first_free())


if __name__ == "__main__":
    main()
