"""The shell's commands, one module each.

Importing this package registers them all (each module's ``@command``
runs at import).  To add a command, write a module here and import it
below; docs/shell.md walks through an example.
"""

import kernel.shell.commands.clear
import kernel.shell.commands.color
import kernel.shell.commands.echo
import kernel.shell.commands.help  # noqa: F401
