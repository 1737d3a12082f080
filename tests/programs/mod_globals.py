import lib_counter
from lib_counter import LIMIT, hit

from pythos.lang import u32

calls = 0


def hit_twice(w: u32) -> int:
    global calls
    calls += 1
    n = 0
    if hit(w):
        n += 1
    if lib_counter.hit(w + 1):
        n += 1
    return n


def main() -> None:
    print("limit", LIMIT, "name", lib_counter.NAME)
    lib_counter.describe()
    print("hits", hit_twice(u32(10)), hit_twice(u32(20)), hit_twice(u32(30)))
    lib_counter.describe()
    print("count read from here", lib_counter.count, "total", lib_counter.total)
    for i in range(lib_counter.count):
        print("event", i, lib_counter.events[i])
    lib_counter.events[0] = 999
    print("events[0] written from here", lib_counter.events[0])
    lib_counter.reset()
    lib_counter.describe()
    for i in range(4):
        print("tick8", lib_counter.tick8(), "module value", lib_counter.wrap)
    print("calls", calls)


if __name__ == "__main__":
    main()
