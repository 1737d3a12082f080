from pythos.lang import u16, u32, Array

HEAP = Array[u16, 31]()
size = 0


def sift_up(i: int) -> None:
    while i > 0:
        parent = (i - 1) // 2
        if HEAP[parent] <= HEAP[i]:
            break
        t = HEAP[parent]
        HEAP[parent] = HEAP[i]
        HEAP[i] = t
        i = parent


def sift_down(i: int) -> None:
    while True:
        l = 2 * i + 1
        r = l + 1
        m = i
        if l < size and HEAP[l] < HEAP[m]:
            m = l
        if r < size and HEAP[r] < HEAP[m]:
            m = r
        if m == i:
            return
        t = HEAP[m]
        HEAP[m] = HEAP[i]
        HEAP[i] = t
        i = m


def push(v: u16) -> None:
    global size
    HEAP[size] = v
    size += 1
    sift_up(size - 1)


def pop() -> u16:
    global size
    top = HEAP[0]
    size -= 1
    HEAP[0] = HEAP[size]
    sift_down(0)
    return top


def main() -> None:
    x = u32(1)
    for i in range(31):
        x = x * 69069 + 1
        push(u16(x >> 16))
    print("size", size, "min", HEAP[0])
    prev = u16(0)
    ok = True
    out = 0
    while size > 0:
        v = pop()
        if v < prev:
            ok = False
        prev = v
        print(v, end=" ")
        out += 1
    print()
    print("ascending", ok, "popped", out)
    # k smallest of a stream using push/pop
    for i in range(20):
        push(u16((i * 7919) % 1000))
    s = u32(0)
    for i in range(5):
        s += u32(pop())
    print("sum of 5 smallest", s, "remaining", size)


if __name__ == "__main__":
    main()
