# error: 2:1: the program has no main() function
def helper() -> None:
    print("no main here")
