# error: 5:25: 'len' is not an exception class
def main() -> None:
    try:
        print(1)
    except (ValueError, len):
        pass
