# error: 6:15: pow() with a modulus takes int arguments, not "u8"
from pythos.lang import u8


def main() -> None:
    print(pow(u8(3), 2, 5))
