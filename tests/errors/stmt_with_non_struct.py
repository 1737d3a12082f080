# error: 4:10: a with statement needs a struct or an instance with __enter__ and __exit__ methods, got i64
def main() -> None:
    lock = 0
    with lock:
        print("locked")


if __name__ == "__main__":
    main()
