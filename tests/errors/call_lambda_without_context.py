# error: 3:14: cannot infer the type of this lambda: give it a context (a Callable variable or
def main() -> None:
    square = lambda x: x * x
    print(square(3))
