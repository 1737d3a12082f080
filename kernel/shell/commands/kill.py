"""``kill TASK``: cancel a task, named by its ``ps`` ID or by its name.

Cancelling closes the task's coroutine, so its ``finally`` blocks run
before it ends (docs/tasks.md, "Cancellation").  A name that several
tasks share is refused: say which one by ID.

The task running ``kill`` is refused too.  That is the shell, and it is
the kernel's only console: a shell that cancelled itself would leave no
prompt and nothing to type a command into (the kernel has no ``init``
to start another, no login to go back to).  Unix shells refuse the same
way in spirit: an interactive bash ignores the ``kill $$`` it is sent.
"""

from kernel.shell.output import Output
from kernel.shell.registry import FAILED, OK, USAGE, command
from kernel.task import executor
from kernel.task.executor import Task


def task_names() -> list[str]:
    """The live tasks' names, for completion."""
    if len(executor.the_executor) == 0:
        return []
    return [task.name for task in executor.running().live_tasks()]


def find(word: str) -> list[Task]:
    """The live tasks ``word`` names: an ID, or else a name."""
    tasks = executor.running().live_tasks()
    if word.isdigit():
        return [task for task in tasks if task.ident == int(word)]
    return [task for task in tasks if task.name == word]


@command("kill", args="TASK", help="cancel a task (its ID or name, as ps shows)",
         choices=task_names)
def kill(out: Output, words: list[str]) -> int:
    if len(executor.the_executor) == 0:
        out.line("kill: the executor is not running")
        return FAILED
    found = find(words[0])
    if len(found) == 0:
        out.line(f"kill: no task {words[0]}; ps lists them")
        return USAGE
    if len(found) > 1:
        out.line(f"kill: {len(found)} tasks are called {words[0]}; give an ID")
        return FAILED
    task = found[0]
    if task is executor.running().current:
        out.line(f"kill: {words[0]}: the shell cannot kill itself")
        return FAILED
    task.cancel()
    out.line(f"kill: cancelled {task.ident} {task.name}")
    return OK
