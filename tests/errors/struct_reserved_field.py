# error: 8:5: a struct field cannot be named '_view'
from pythos.lang import struct, u32


@struct
class Window:
    width: u32
    _view: u32


def main() -> None:
    w = Window()
    print(w.width)
