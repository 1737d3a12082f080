"""The compiler benchmark (`make bench`): see bench/README.md."""
