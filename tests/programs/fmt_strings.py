from typing import Final

from pythos.lang import u8, u32, i32

TITLE: Final = "Report"


def field(label: str, width: int) -> None:
    # width chosen at run time by branching to fixed specs
    if width == 6:
        print(f"[{label:<6}] [{label:>6}] [{label:^6}]")
    else:
        print(f"[{label:<10}] [{label:>10}] [{label:^10}]")


def main() -> None:
    s = "abc"
    print(f"[{s}] [{s:5}] [{s:<5}] [{s:>5}] [{s:^5}] [{s:^6}] [{s:^7}]")
    print(f"[{s:1}] [{s:3}] [{s:<1}]")
    print(f"{s:<10}|{s:>10}|{s:^10}|")
    e = ""
    print(f"[{e}] [{e:3}] [{e:>3}] [{e:^4}]")
    print(f"{TITLE:^20}")
    print(f"{TITLE}: {TITLE:>8} {TITLE:<8}!")
    field("x", 6)
    field("x", 10)
    field("four", 6)
    field("sixsix", 6)
    field("sixsix", 10)
    field("seven77", 6)
    field("seven77", 10)
    # mixing strings and numbers in one f-string
    count = u32(3)
    name = "items"
    print(f"{count} {name} at {i32(-5):+} each = {i32(count) * -5:>6}")
    print(f"{name:>8}:{count:>4}|{name:<8}:{count:<4}|")
    # nested expressions
    a = u8(200)
    b = u8(100)
    print(f"{a + b} {u32(a) + u32(b)} {a * 2:#x} {(a >> 4) & 3:b} {a if a > b else b} {-i32(a)}")
    print(f"{'left':<6}{'mid':^7}{'right':>7}")
    print(f"{'{'}{'}'} {{x}} {s}{{{s}}}")
    # conditional strings in f-strings
    for i in range(4):
        print(f"{i}: {'even' if i % 2 == 0 else 'odd':>5} {'big' if i > 2 else 'small':<6}|")
    # bools in f-strings
    ok = count > 2
    print(f"ok={ok} not={not ok} cmp={count == 3}")
    # chr in f-strings
    print(f"{chr(80)}{chr(121)}{chr(116)}{chr(104)}{chr(111)}{chr(115)}")


if __name__ == "__main__":
    main()
