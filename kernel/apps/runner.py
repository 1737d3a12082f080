"""Running a game on a screen: take the screen, play frames, give it back.

Everything a game needs from whoever runs it, apart from waiting and
reading keys, is here, so that ``play``, which the shell task awaits for
``snake`` or ``flappy``, is only the waiting::

    runner = GameRunner(snake.new(seed), VgaSink())
    runner.start()
    deadline = clock.uptime_ms()
    while not runner.done():
        deadline = runner.next_deadline(deadline)
        while the frame is not due:
            keys += what arrived
            await input, or the deadline           # a timer and input future
        runner.frame(keys)
    runner.stop()

``start`` saves the screen (every cell and the cursor), hides the cursor,
reads the screen into the back buffer's idea of what is shown and draws
the first frame.  ``frame`` gives the game the keys that arrived, one
tick, and presents the new picture.  When a key made the game finished
(Q or Esc), the frame stops there: no tick, no drawing, and ``stop``
restores the screen as ``start`` found it, so the shell's prompt and its
scrollback come back exactly.

The deadline advances from the previous deadline, not from the time the
frame ended, so the rate does not drift by the time frames take, and
``interval_ms`` is asked afresh each frame (snake speeds up as it grows).

``play`` is that loop: it reads keys with ``next_key`` as they come,
and with none waiting and the frame not yet due, awaits ``wait(ms)``
for at most the time left.  In the kernel that is
``console_input(ms)``, which suspends the game's task until a key or a
byte arrives or the frame's timer fires, so while the game waits the
executor runs other tasks, the CPU halts, and the clock, the serial
port and the log go on.  A quit key (Q or Esc) ends the wait at once, so it takes effect
without waiting for the frame.  The shell runs ``play`` as a task of its
own (kernel/shell/jobs.py); Ctrl-C cancels that task at its ``await``,
and the ``finally`` around the loop gives the screen back then too.
The host tests pass a ``wait`` that only moves a fake clock and never
suspends, so a game replays exactly.  If the loop falls far behind
(the machine was stopped in a debugger, or the host was busy), it
starts counting afresh rather than racing through the missed frames.
"""

from collections.abc import Callable, Coroutine
from typing import Any, Final

from kernel.apps import textgfx
from kernel.apps.game import KEY_NONE, KEY_QUIT, Game
from kernel.apps.textgfx import CellSink, Snapshot, TextGfx
from pythos.lang import u8

# How late a frame may be before the loop gives up catching up.
MAX_LATE_MS: Final = 500


class GameRunner:
    """One game on one screen, from ``start`` to ``stop``."""

    saved: Snapshot | None

    def __init__(self, game: Game, sink: CellSink) -> None:
        self.game = game
        self.sink = sink
        self.gfx = TextGfx()
        self.saved = None
        self.frames = 0
        # Cells written to the screen by all frames together.
        self.cells_written = 0

    def start(self) -> None:
        """Take over the screen and show the game's first picture."""
        self.saved = textgfx.save(self.sink)
        self.sink.show_cursor(False)
        self.gfx.sync(self.sink)
        self.game.render(self.gfx)
        self.cells_written += self.gfx.present(self.sink)

    def done(self) -> bool:
        """Whether the player has quit."""
        return self.game.finished

    def next_deadline(self, previous_ms: int) -> int:
        """When the next frame is due, given when the last one was."""
        return previous_ms + self.game.interval_ms()

    def frame(self, keys: list[u8]) -> None:
        """The keys since the last frame, one tick, and the new picture."""
        for key in keys:
            self.game.press(key)
            if self.game.finished:
                return
        self.game.tick()
        self.game.render(self.gfx)
        self.cells_written += self.gfx.present(self.sink)
        self.frames += 1

    def stop(self) -> int:
        """Give the screen back as ``start`` found it; the cells restored."""
        saved = self.saved
        if saved is None:
            return 0
        changed = textgfx.restore(self.sink, saved)
        self.sink.show_cursor(True)
        self.saved = None
        return changed


async def play(runner: GameRunner, next_key: Callable[[], u8], now_ms: Callable[[], int],
               wait: Callable[[int], Coroutine[Any, Any, None]]) -> None:
    """Run the game from ``start`` to ``stop`` at its own pace: the keys
    from ``next_key`` (``KEY_NONE`` when none is waiting), the time from
    ``now_ms``; ``wait(ms)`` waits for a key, or for ``ms`` at most."""
    runner.start()
    try:
        deadline = now_ms()
        while not runner.done():
            deadline = runner.next_deadline(deadline)
            if now_ms() - deadline > MAX_LATE_MS:
                deadline = now_ms()
            pressed: list[u8] = []
            while True:
                key = next_key()
                if key != KEY_NONE:
                    pressed.append(key)
                    if key == KEY_QUIT:
                        break
                elif now_ms() >= deadline:
                    break
                else:
                    await wait(deadline - now_ms())
            runner.frame(pressed)
    finally:
        runner.stop()          # also when the task is cancelled (Ctrl-C)
