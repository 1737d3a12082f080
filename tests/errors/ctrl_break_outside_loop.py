# error: 4:9: 'break' outside a loop
def main() -> None:
    if True:
        break
    print("done")


if __name__ == "__main__":
    main()
