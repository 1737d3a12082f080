# error: 1:1: the program has no main() function
