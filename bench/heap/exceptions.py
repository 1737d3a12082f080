"""Exceptions raised and caught in a loop (issue 12's speed table): a
validator of generated records.

Exercises: `raise` and `try`/`except` in a loop.  A bad field raises a
user exception two frames down (a subclass of ValueError, with a field of
its own), which the record loop catches, counts and goes on from.  A
missing key raises KeyError from a dict lookup, caught by `except
LookupError`; an empty field raises the built-in ValueError.  Most records
pass without any exception, so the loop mixes the raising and the quiet
path.
"""

from typing import Final

RECORDS: Final = 400000


class FieldError(ValueError):
    def __init__(self, column: int, text: str) -> None:
        super().__init__(f"column {column}: bad field {text!r}")
        self.column = column


def parse_field(column: int, text: str) -> int:
    if not text:
        raise ValueError("empty field")
    value = 0
    for ch in text:
        if ch < "0" or ch > "9":
            raise FieldError(column, text)
        value = value * 10 + (ord(ch) - 48)
    return value


def parse_record(fields: list[str], weights: dict[str, int]) -> int:
    total = 0
    for column, text in enumerate(fields):
        total += parse_field(column, text) * weights[fields[0]]
    return total


def make_fields(i: int) -> list[str]:
    a = str(i % 97)
    b = str(i % 89) if i % 5 else "x" + str(i % 7)
    c = "" if i % 11 == 0 else str(i % 83)
    return [a, b, c]


def main() -> None:
    weights = {str(k): k % 7 + 1 for k in range(90)}
    good = 0
    bad_fields = 0
    empty = 0
    missing = 0
    checksum = 0
    for i in range(RECORDS):
        fields = make_fields(i)
        try:
            checksum += parse_record(fields, weights)
            good += 1
        except FieldError as e:
            bad_fields += 1
            checksum += e.column
        except ValueError:
            empty += 1
        except LookupError:
            missing += 1
    print(f"good {good} bad {bad_fields} empty {empty} missing {missing}")
    print(f"checksum {checksum}")


if __name__ == "__main__":
    main()
