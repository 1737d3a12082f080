"""``flappy [SEED]``: flappy bird, on the VGA screen (kernel/apps/flappy.py).

A seed replays a game exactly (the same pipes, given the same keys);
with none, the time-stamp counter chooses one.
"""

from kernel.apps import flappy as flappy_game
from kernel.shell import gameplay
from kernel.shell.output import Output
from kernel.shell.registry import USAGE, async_command
from pythos.lang import u64


@async_command("flappy", args="[SEED]",
               help="play flappy bird (Space or Up flaps, P pause, Q quit)")
async def flappy(out: Output, words: list[str]) -> int:
    seed = gameplay.parse_seed(out, "flappy", words)
    if seed < 0:
        return USAGE
    return await gameplay.run(out, "flappy", flappy_game.new(u64(seed)))
