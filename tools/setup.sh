#!/usr/bin/env bash
# One-time set-up for a fresh clone: the system tools Pythos needs (QEMU,
# GRUB's ISO tools, binutils, gcc and the Python headers for the benchmark,
# gdb and llvm-dwarfdump for the debugging tests) and a virtual
# environment with the Python dependencies.  Safe to run again: it only
# installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

# command -> Debian package that provides it
declare -A NEEDED=(
  [qemu-system-x86_64]=qemu-system-x86
  [grub-mkrescue]=grub-common
  [xorriso]=xorriso
  [mformat]=mtools
  [ld]=binutils
  [objcopy]=binutils
  [gcc]=gcc
  [as]=binutils
  [gdb]=gdb
  [llvm-dwarfdump]=llvm
)
missing=()
for cmd in "${!NEEDED[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${NEEDED[$cmd]}")
done
# grub-mkrescue needs the BIOS GRUB modules to build a bootable ISO.
[ -d /usr/lib/grub/i386-pc ] || missing+=(grub-pc-bin)
# `make bench` compiles its Python programs with mypyc, which builds C
# extensions against the headers of the Python that runs it.
"$PYTHON" -c 'import os, sys, sysconfig
sys.exit(not os.path.isfile(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
  || missing+=(python3-dev)
if [ ${#missing[@]} -gt 0 ]; then
  packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing $packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
  else
    echo "setup: missing system packages: $packages" >&2
    echo "setup: install them with: sudo apt-get install $packages" >&2
    exit 1
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
"$VENV/bin/python" -m pip install -q -e '.[dev]'
touch "$VENV/.installed"
echo "setup: done"
