# Found by progfuzz (seeds 97, 115 and 183 of the CI set, and about one
# program in fifty of a campaign against main), reduced automatically to
# the first line; the others are the same bug in other places.
#
# A bool formatted with a non-empty spec is formatted as an integer by
# CPython: f"{True:-}" is "1". The compiler printed "True" and "False" for
# the spec "-" (other specs, "+" or ">5", were already right).
#   CPython:  1 / 0 / 1 / 0
#   compiled: True / False / True / False
# Fixed on branch conform by "Compiler: Format a bool as an integer under any
# non-empty spec".


def main() -> None:
    print(f'{True:-}')
    print(f'{False:-}')
    print(end=f'{True:-}\n')
    print(f'{3 > 2:-}', end=f'{False:-}\n')


if __name__ == '__main__':
    main()
