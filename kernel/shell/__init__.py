"""The interactive shell: keys, line editor, parser, commands (docs/shell.md)."""
