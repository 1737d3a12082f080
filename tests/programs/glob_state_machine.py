from typing import Final

from pythos.lang import u8, u32, Array

ST_IDLE: Final = 0
ST_NUMBER: Final = 1
ST_WORD: Final = 2

state = 0
numbers = 0
words = 0
num_sum = u32(0)
cur = u32(0)
HIST = Array[u32, 3]()

INPUT: Final = b"abc 12 x 345 hello 6 7 world42 9z "


def finish() -> None:
    global state, numbers, words, num_sum, cur
    if state == ST_NUMBER:
        numbers += 1
        num_sum += cur
    elif state == ST_WORD:
        words += 1
    cur = u32(0)
    state = ST_IDLE


def feed(c: u8) -> None:
    global state, cur
    HIST[state] += 1
    is_digit = 48 <= c <= 57
    is_alpha = 97 <= c <= 122
    if state == ST_IDLE:
        if is_digit:
            state = ST_NUMBER
            cur = u32(c - 48)
        elif is_alpha:
            state = ST_WORD
    elif state == ST_NUMBER:
        if is_digit:
            cur = cur * 10 + u32(c - 48)
        elif is_alpha:
            cur = u32(0)
            state = ST_WORD
        else:
            finish()
    else:
        if not (is_digit or is_alpha):
            finish()


def main() -> None:
    for b in INPUT:
        feed(u8(b))
    finish()
    print("numbers", numbers, "sum", num_sum, "words", words)
    print("hist", HIST[0], HIST[1], HIST[2])
    print("final state", state)


if __name__ == "__main__":
    main()
