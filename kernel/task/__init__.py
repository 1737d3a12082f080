"""The kernel's async executor: tasks, wakers, timers and idle (docs/tasks.md).

``waker``, ``timers`` and ``slots`` are plain structs of fixed arrays (the
parts an interrupt handler or the idle loop touches); ``executor`` polls
``async def`` tasks, and ``futures`` and ``input`` are what tasks await.
"""
