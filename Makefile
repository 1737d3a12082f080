# Pythos: `make run` boots the OS, `make test` runs every test.  Both do
# all set-up first (tools/setup.sh), so they work on a fresh clone.

VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
PYTEST_FLAGS ?=

.PHONY: all setup run test test-host test-qemu bench fuzz lint iso debug kernel clean

all: kernel

$(STAMP): pyproject.toml tools/setup.sh
	bash tools/setup.sh

setup: $(STAMP)

kernel: $(STAMP)
	$(PY) -m pythos build

# What `make run` and `make iso` add to the kernel's command line: nothing,
# since the kernel boots to the shell's prompt (docs/shell.md).
# `make run BOOT_ARGS=echo=1` boots to the plain echo loop instead; other
# options are in kernel/cmdline.py.
BOOT_ARGS ?=

run: $(STAMP)
	$(PY) -m pythos run --append "$(BOOT_ARGS)"

iso: $(STAMP)
	$(PY) -m pythos iso --append "$(BOOT_ARGS)"

# On a terminal QEMU draws the screen there; Ctrl-A X quits (pythos/kernel_tools/terminal.py).
# `make debug`: builds the kernel at -O0 (every local visible to gdb; use
# `make debug DEBUG_OPT=2` for the optimised kernel), and QEMU waits for gdb
# on :1234; pythos prints the command to connect
# (`gdb -q -x tools/gdb/pythos.gdb build/kernel64.elf -ex 'target remote :1234'`)
# before QEMU starts and keeps it on the status line.  docs/debugging.md.
DEBUG_OPT ?= 0
debug: $(STAMP)
	$(PY) -m pythos run --gdb -O$(DEBUG_OPT)

# The suite runs on every core (pytest-xdist); the QEMU tests stay on one
# worker, one after another (tests/conftest.py).  `make test TEST_JOBS=0`
# runs it all in one process.
TEST_JOBS ?= auto
test: $(STAMP)
	$(PY) -m pytest -n $(TEST_JOBS) --dist loadgroup $(PYTEST_FLAGS)

test-host: $(STAMP)
	$(PY) -m pytest tests/compiler tests/lang tests/kernel $(PYTEST_FLAGS)

test-qemu: $(STAMP)
	$(PY) -m pytest tests/boot tests/qemu $(PYTEST_FLAGS)

bench: $(STAMP)
	$(PY) -m bench

# Random programs run under CPython and compiled (docs/testing.md):
# `make fuzz SEEDS=2000 START=100000`; failures, reduced, go to build/fuzz/.
SEEDS ?= 500
START ?= 100000
fuzz: $(STAMP)
	$(PY) -m tests.compiler.progfuzz --seeds $(SEEDS) --start $(START)

lint: $(STAMP)
	$(PY) -m ruff check pythos
	$(PY) -m mypy pythos kernel

clean:
	rm -rf build .pytest_cache .hypothesis
