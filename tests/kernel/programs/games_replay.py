"""Scripted games of snake and flappy bird, played by their demo players,
drawn through textgfx and presented to a MemorySink: the same output
compiled and under CPython (tests/kernel/test_games_compiled.py)."""

from kernel.apps import flappy, snake
from kernel.apps.textgfx import HEIGHT, WIDTH, MemorySink, TextGfx, cell_char
from pythos.lang import u8, u64


def checksum(sink: MemorySink) -> int:
    """A checksum of every cell the sink shows."""
    total = 0
    for i in range(WIDTH * HEIGHT):
        total = (total * 31 + int(sink.cells[i])) % 1000000007
    return total


def play_snake(seed: u64) -> None:
    game = snake.new(seed)
    gfx = TextGfx()
    sink = MemorySink()
    changed = 0
    ticks = 0
    while game.state != snake.OVER and ticks < 5000:
        game.step(game.demo_key())
        game.render(gfx)
        changed += gfx.present(sink)
        ticks += 1
    print(f"snake seed={seed} ticks={ticks} score={game.score} length={game.length()} "
          f"interval={game.interval_ms()} changed={changed} screen={checksum(sink)}")
    for line in game.board_lines():
        print(line)


def play_flappy(seed: u64, frames: int) -> None:
    game = flappy.new(seed)
    gfx = TextGfx()
    sink = MemorySink()
    changed = 0
    count = 0
    while game.state != flappy.OVER and count < 2000:
        pressed: list[u8] = []
        if count < frames:
            pressed.append(game.demo_key())
        game.frame(pressed)
        game.render(gfx)
        changed += gfx.present(sink)
        count += 1
    print(f"flappy seed={seed} frames={count} score={game.score} y={game.y} "
          f"speed={game.speed} changed={changed} screen={checksum(sink)}")
    for line in game.picture():
        print(line)
    print(chr(cell_char(sink.cells[12 * WIDTH + 40])))


def main() -> None:
    play_snake(u64(42))
    play_flappy(u64(7), 600)


if __name__ == "__main__":
    main()
