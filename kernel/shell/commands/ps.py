"""``ps``: the executor's tasks, with their state and how often they were woken.

One line per live task, by slot::

       ID STATE        WAKES   POLLS NAME
        1 running          1       7 shell
        2 sleeping       412     412 clock
        3 waiting          9       2 keys

WAKES counts every wake-up asked for the task, POLLS the times it ran: a
flood of wakes for a task that was already woken adds to WAKES only
(docs/tasks.md, "The wake set").  The last line sums up the executor.
"""

from kernel.shell.output import Output
from kernel.shell.registry import FAILED, OK, command
from kernel.task import executor
from kernel.task.timers import TIMERS
from kernel.task.waker import WAKES


@command("ps", help="list the running tasks: state, wakes, polls")
def ps(out: Output, words: list[str]) -> int:
    if len(executor.the_executor) == 0:
        out.line("ps: the executor is not running")
        return FAILED
    running = executor.running()
    out.line(f"{'ID':>5} {'STATE':<10} {'WAKES':>7} {'POLLS':>7} NAME")
    for task in running.live_tasks():
        out.line(f"{task.ident:>5} {task.state_name():<10} {task.wakes():>7} "
                 f"{task.polls:>7} {task.name}")
    out.line(f"{len(running.live_tasks())} tasks; {running.polls} polls, "
             f"{WAKES.coalesced} wakes coalesced, {running.halts} idle halts, "
             f"{TIMERS.count} timers, {running.failures} failed")
    return OK
