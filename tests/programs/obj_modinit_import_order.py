"""Module-level code runs once per module in CPython's import order: a
module's imports first, depth first, each once; then its own statements."""
import lib_modinit_mid
import lib_modinit_base

lib_modinit_base.TRACE.append("main")
print("init main")
FIRST = lib_modinit_base.TRACE[0]


def main() -> None:
    print(lib_modinit_base.TRACE, FIRST)
    print(lib_modinit_mid.WARN, lib_modinit_mid.NAMES, lib_modinit_base.level("info"))


if __name__ == "__main__":
    main()
