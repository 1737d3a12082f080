# error: 9:12: 'bad' is not an exception class
def bad() -> None:
    pass


def main() -> None:
    try:
        print(1)
    except bad:
        pass
