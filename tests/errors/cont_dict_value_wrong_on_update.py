# error: 4:19: expected i64, got str
def main() -> None:
    ages = {"ann": 31}
    ages["bob"] = "twenty"
    print(ages)
