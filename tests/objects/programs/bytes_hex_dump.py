"""A hex dump of UTF-8 bytes built as str with format specs."""


def dump(data: bytes) -> list[str]:
    lines: list[str] = []
    for off in range(0, len(data), 8):
        row = ""
        text = ""
        for i in range(off, min(off + 8, len(data))):
            b = int(data[i])
            row += f"{b:02x} "
            text += "." if b < 32 or b >= 127 else "abcdefghijklmnopqrstuvwxyz"[b - 97] if 97 <= b <= 122 else "?"
        lines.append(f"{off:04x}: {row:<24}{text}")
    return lines


def main() -> None:
    for line in dump("hello, wörld\n€!".encode()):
        print(line)


if __name__ == "__main__":
    main()
