# error: 3:11: exceptions must derive from BaseException; raise got str
def main() -> None:
    raise "oops"
