"""Every shell command: importing this module registers them all."""

import kernel.shell.commands.beep
import kernel.shell.commands.cat
import kernel.shell.commands.clear
import kernel.shell.commands.color
import kernel.shell.commands.crash
import kernel.shell.commands.date
import kernel.shell.commands.echo
import kernel.shell.commands.flappy
import kernel.shell.commands.heapcheck
import kernel.shell.commands.help
import kernel.shell.commands.kill
import kernel.shell.commands.log
import kernel.shell.commands.ls
import kernel.shell.commands.lspci
import kernel.shell.commands.mem
import kernel.shell.commands.power
import kernel.shell.commands.ps
import kernel.shell.commands.run
import kernel.shell.commands.snake
import kernel.shell.commands.test
import kernel.shell.commands.uptime  # noqa: F401
