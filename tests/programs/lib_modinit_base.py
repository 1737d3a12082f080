"""Helper for obj_modinit_import_order: a module whose top-level code
records that it ran."""

TRACE: list[str] = []
TRACE.append("base")
print("init base")

LEVELS: dict[str, int] = {}
for i, name in enumerate(["debug", "info", "warn"]):
    LEVELS[name] = i * 10


def level(name: str) -> int:
    return LEVELS.get(name, -1)
