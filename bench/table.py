"""The Markdown tables `make bench` prints."""

from __future__ import annotations


def table(headers: list[str], rows: list[list[str]], right: set[int]) -> str:
    """A Markdown table, padded to line up in a terminal as well; `right`
    holds the indexes of the columns aligned right (the numbers)."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]

    def fmt(cells: list[str]) -> str:
        return "| " + " | ".join(c.rjust(w) if i in right else c.ljust(w)
                                 for i, (c, w) in enumerate(zip(cells, widths, strict=True))) + " |"
    sep = "|" + "|".join(("-" * (w + 1) + ":") if i in right else ("-" * (w + 2))
                         for i, w in enumerate(widths)) + "|"
    return "\n".join([fmt(headers), sep, *(fmt(r) for r in rows)])
