# error: 8:23: **d could give show()'s parameter 'sep', which is known only at run time: not supported (pass 'sep' explicitly)
def show(text: str, sep: str = " ", **extra: str) -> str:
    return text + sep + str(extra)


def main() -> None:
    d = {"end": "!"}
    print(show("a", **d))


main()
