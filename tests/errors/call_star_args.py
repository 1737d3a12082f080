# error: 2:12: *args is not supported: take a list or a tuple (or use a bare * for keyword-only parameters)
def total(*args: int) -> int:
    return sum(args)
