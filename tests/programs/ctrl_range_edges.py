"""range() at the edges of each type, counting up and down, with steps that pass the end."""
from pythos.lang import u8, i8, i64, u64

def main() -> None:
    n = 0
    for i in range(u8(250), u8(255)):
        n += 1
    for j in range(u8(255), u8(0), -1):
        n += 1
    for k in range(i8(-128), i8(127)):
        n += 1
    for m in range(u8(250), u8(255), 2):
        n += 1
    for q in range(i8(127), i8(-128), -3):
        n += 1
    print(n, i, j, k, m, q)
    # After the loop the variable keeps its last value; an empty loop
    # leaves it alone.
    last = 0
    for last in range(3):
        pass
    for last in range(10, 5):
        pass
    print("last", last)
    big = u64(0)
    for w in range(u64(0xFFFFFFFFFFFFFFF0), u64(0xFFFFFFFFFFFFFFFF), 7):
        big += w & 0xFF
    step = i64(-4)
    # With a variable step the compiler cannot tell that the loop runs, so
    # `v` needs a value before it to be read after it.
    v = i64(0)
    for v in range(i64(20), i64(-3), step):
        big += u64(v + 3)
    print("big", big, w, v)

if __name__ == "__main__":
    main()
