# error: 4:19: sum() got an unexpected keyword argument "begin"
def main() -> None:
    xs = [1, 2]
    print(sum(xs, begin=3))
