"""Code page 437: which Unicode characters the VGA text screen can show.

The VGA's built-in font is the original IBM PC's character set, code page
437.  Its lower half is ASCII; its upper half (0x80-0xFF) holds accented
letters (é, ü, Ç), a few currency signs (£, ¥, ¢), Greek letters and
maths symbols (α, ß, π, ±, ≥), shading and box-drawing pieces (░, │, ╔).
The screen stores one byte per cell, so a character from elsewhere
(UTF-8 text from a terminal, a string in the kernel) must be translated
into that byte, or shown as a placeholder when the font has no glyph.

``TABLE`` lists, for each byte 0x80-0xFF, the Unicode code point of its
glyph, as UTF-16 little-endian pairs (every one lies below U+10000).  It
was generated with CPython's ``cp437`` codec, and the host test checks it
against that codec.  ``from_code_point`` searches it: 128 comparisons, a
few hundred nanoseconds, paid only for characters outside ASCII.
"""

from typing import Final

from pythos.lang import u8, u32

# The code points of bytes 0x80-0xFF, two bytes each, little-endian.
TABLE: Final = (
    b"\xc7\x00\xfc\x00\xe9\x00\xe2\x00\xe4\x00\xe0\x00\xe5\x00\xe7\x00"  # 0x80: Ç ü é â ä à å ç
    b"\xea\x00\xeb\x00\xe8\x00\xef\x00\xee\x00\xec\x00\xc4\x00\xc5\x00"  # 0x88: ê ë è ï î ì Ä Å
    b"\xc9\x00\xe6\x00\xc6\x00\xf4\x00\xf6\x00\xf2\x00\xfb\x00\xf9\x00"  # 0x90: É æ Æ ô ö ò û ù
    b"\xff\x00\xd6\x00\xdc\x00\xa2\x00\xa3\x00\xa5\x00\xa7\x20\x92\x01"  # 0x98: ÿ Ö Ü ¢ £ ¥ ₧ ƒ
    b"\xe1\x00\xed\x00\xf3\x00\xfa\x00\xf1\x00\xd1\x00\xaa\x00\xba\x00"  # 0xa0: á í ó ú ñ Ñ ª º
    b"\xbf\x00\x10\x23\xac\x00\xbd\x00\xbc\x00\xa1\x00\xab\x00\xbb\x00"  # 0xa8: ¿ ⌐ ¬ ½ ¼ ¡ « »
    b"\x91\x25\x92\x25\x93\x25\x02\x25\x24\x25\x61\x25\x62\x25\x56\x25"  # 0xb0: ░ ▒ ▓ │ ┤ ╡ ╢ ╖
    b"\x55\x25\x63\x25\x51\x25\x57\x25\x5d\x25\x5c\x25\x5b\x25\x10\x25"  # 0xb8: ╕ ╣ ║ ╗ ╝ ╜ ╛ ┐
    b"\x14\x25\x34\x25\x2c\x25\x1c\x25\x00\x25\x3c\x25\x5e\x25\x5f\x25"  # 0xc0: └ ┴ ┬ ├ ─ ┼ ╞ ╟
    b"\x5a\x25\x54\x25\x69\x25\x66\x25\x60\x25\x50\x25\x6c\x25\x67\x25"  # 0xc8: ╚ ╔ ╩ ╦ ╠ ═ ╬ ╧
    b"\x68\x25\x64\x25\x65\x25\x59\x25\x58\x25\x52\x25\x53\x25\x6b\x25"  # 0xd0: ╨ ╤ ╥ ╙ ╘ ╒ ╓ ╫
    b"\x6a\x25\x18\x25\x0c\x25\x88\x25\x84\x25\x8c\x25\x90\x25\x80\x25"  # 0xd8: ╪ ┘ ┌ █ ▄ ▌ ▐ ▀
    b"\xb1\x03\xdf\x00\x93\x03\xc0\x03\xa3\x03\xc3\x03\xb5\x00\xc4\x03"  # 0xe0: α ß Γ π Σ σ µ τ
    b"\xa6\x03\x98\x03\xa9\x03\xb4\x03\x1e\x22\xc6\x03\xb5\x03\x29\x22"  # 0xe8: Φ Θ Ω δ ∞ φ ε ∩
    b"\x61\x22\xb1\x00\x65\x22\x64\x22\x20\x23\x21\x23\xf7\x00\x48\x22"  # 0xf0: ≡ ± ≥ ≤ ⌠ ⌡ ÷ ≈
    b"\xb0\x00\x19\x22\xb7\x00\x1a\x22\x7f\x20\xb2\x00\xa0\x25\xa0\x00"  # 0xf8: ° ∙ · √ ⁿ ² ■ nbsp
)
# What ``from_code_point`` returns for a character the font lacks.
NO_GLYPH: Final = u8(0)


def code_point(byte: u8) -> u32:
    """The Unicode character that CP437 ``byte`` shows (ASCII below 0x80)."""
    if byte < 0x80:
        return u32(byte)
    i = int(byte - 0x80) * 2
    return u32(TABLE[i]) | (u32(TABLE[i + 1]) << 8)


def from_code_point(character: u32) -> u8:
    """The CP437 byte that shows ``character``, or ``NO_GLYPH`` (0) if none does.

    Printable ASCII maps to itself; control characters have no glyph here
    (the screen interprets the few it knows itself).
    """
    if 0x20 <= character <= 0x7E:
        return u8(character)
    if character < 0xA0 or character > 0xFFFF:
        return NO_GLYPH
    for i in range(128):
        if u32(TABLE[2 * i]) | (u32(TABLE[2 * i + 1]) << 8) == character:
            return u8(0x80 + i)
    return NO_GLYPH
