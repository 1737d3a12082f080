# Found by progfuzz (seeds 14 and 162 of the CI set), reduced automatically
# (a chain of about a thousand i32 operators in a print); the operands are
# then all written as one variable.
#
# CPython compiles a left-deep chain of 1200 operators; the compiler said
# "expression is nested too deeply" (any nesting past its Python recursion
# limit). It must compile what CPython compiles.
# Fixed on branch conform by "Compiler: Compile nesting CPython accepts on a
# deep stack; locate anything deeper".
from pythos.lang import i32


def main() -> None:
    x = i32(3)
    print(
        x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x
        - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x
        | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x * x + x - x ^ x | x & x
        * x
    )


if __name__ == "__main__":
    main()
