from pythos.lang import struct, u8, u16, u32, i32, Array


@struct
class Stats:
    count: u32
    sum: i32
    min: i32
    max: i32
    hist: Array[u16, 4]


@struct
class Config:
    scale: i32
    offset: i32
    enabled: bool


STATS = Stats(0, 0, 2147483647, -2147483648)
CONFIG = Config(3, -7, True)
SLOTS = Array[Config, 3]()
generation = u8(0)


def record(v: i32) -> None:
    # mutating a global struct's fields needs no global statement
    if not CONFIG.enabled:
        return
    x = v * CONFIG.scale + CONFIG.offset
    STATS.count += 1
    STATS.sum += x
    if x < STATS.min:
        STATS.min = x
    if x > STATS.max:
        STATS.max = x
    STATS.hist[int(u32(x) & 3)] += 1


def configure(scale: i32, offset: i32) -> None:
    global generation
    CONFIG.scale = scale
    CONFIG.offset = offset
    generation += 1
    SLOTS[int(generation) % 3] = CONFIG


def report() -> None:
    print(f"gen={generation} count={STATS.count} sum={STATS.sum} min={STATS.min} max={STATS.max}", end=" hist=")
    for h in STATS.hist:
        print(h, end=",")
    print()


def main() -> None:
    for v in range(-5, 6):
        record(i32(v))
    report()
    configure(i32(-2), i32(100))
    for v in range(0, 50, 7):
        record(i32(v))
    report()
    CONFIG.enabled = False
    record(i32(1000))
    report()
    CONFIG.enabled = True
    configure(i32(1000000), i32(0))
    record(i32(3000))
    report()
    for i in range(3):
        print(f"slot {i}: scale={SLOTS[i].scale} offset={SLOTS[i].offset} enabled={SLOTS[i].enabled}")
    for i in range(300):
        configure(i32(i), i32(-i))
    print("generation", generation, "slot0", SLOTS[0].scale, SLOTS[1].scale, SLOTS[2].scale)


if __name__ == "__main__":
    main()
