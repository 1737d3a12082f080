# error: 6:15: "ValueError" has no attribute "args"; Pythos keeps an exception's arguments as the text
def main() -> None:
    try:
        int("x")
    except ValueError as e:
        print(e.args)
