"""``snake [SEED]``: the classic, on the VGA screen (kernel/apps/snake.py).

A seed replays a game exactly (the same food, given the same keys); with
none, the time-stamp counter chooses one.
"""

from kernel.apps import snake as snake_game
from kernel.shell import gameplay
from kernel.shell.output import Output
from kernel.shell.registry import USAGE, async_command
from pythos.lang import u64


@async_command("snake", args="[SEED]", help="play snake (arrows or WASD, P pause, Q quit)")
async def snake(out: Output, words: list[str]) -> int:
    seed = gameplay.parse_seed(out, "snake", words)
    if seed < 0:
        return USAGE
    return await gameplay.run(out, "snake", snake_game.new(u64(seed)))
