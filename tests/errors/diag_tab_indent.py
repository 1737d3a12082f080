# error: 3:10: floating-point numbers are not supported
def main() -> None:
	ratio =	0.25
	print(ratio)


if __name__ == "__main__":
	main()
