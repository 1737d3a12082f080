# error: 4:16: Precision not allowed in integer format specifier
def main() -> None:
    n = 5
    print(f"{n:.2}")
