# error: 2:8: cannot find module 'no_such_module'
import no_such_module


def main() -> None:
    print(1)


if __name__ == "__main__":
    main()
