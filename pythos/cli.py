"""The `pythos` command line.

    pythos exec PROG.py              compile for Linux and run it
    pythos compile PROG.py -o OUT    write an executable (or --emit llvm|asm|obj);
                                     --target user makes a program for Pythos
    pythos check PROG.py             type-check only

Kernel commands (`build`, `iso`, `run`, `test`) are added by
`pythos.kernel_tools.kernel_cli`.  Every error in the user's program is printed as
`path:line:col: error: message` with the source line and a caret, and the
exit status is 1; no input produces a Python traceback.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .diagnostics import CompileError
from .target import TARGETS, Target, get_target


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pythos", description="The Pythos compiler and OS tools")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("program", type=Path, help="the entry .py file")
        p.add_argument("-O", dest="opt", type=int, default=2, choices=[0, 1, 2, 3],
                       help="optimisation level (default 2; 0 compiles fastest)")
        p.add_argument("--target", default="linux", choices=list(TARGETS),
                       help="linux (default), user (a program for Pythos's ring 3) "
                            "or freestanding (the kernel)")
        p.add_argument("--time", action="store_true", help="print the time of each stage")
        p.add_argument("-g", dest="debug", action="store_true",
                       help="include DWARF debug information (Python files and lines, "
                            "variables and types) for gdb")
        p.add_argument("--leak-check", action="store_true",
                       help="when main returns, report any object still live on stderr "
                            "and exit with status 1 (programs that use objects)")

    p = sub.add_parser("exec", help="compile a program for Linux and run it")
    common(p)
    p.add_argument("args", nargs="*")
    p = sub.add_parser("compile", help="compile a program")
    common(p)
    p.add_argument("-o", dest="output", type=Path)
    p.add_argument("--emit", choices=["exe", "obj", "asm", "llvm"], default=None)
    p.add_argument("--dump", choices=["parse", "typed", "ir"], default=None,
                   help="print a stage's result instead of compiling")
    p = sub.add_parser("check", help="type-check a program")
    common(p)
    p = sub.add_parser("test", help="build a test kernel and run the in-kernel tests in QEMU")
    p.add_argument("patterns", nargs="*", metavar="PATTERN",
                   help="run only tests whose name contains one of these texts")
    p.add_argument("-O", dest="opt", type=int, default=2, choices=[0, 1, 2, 3])
    p.add_argument("--build-dir", type=Path, default=Path("build/ktest"))
    p.add_argument("--heap", choices=["bump", "list", "fixed", "buddy"], default=None,
                   help="kernel heap design (default: kernel/mm/heap_allocator.py's)")
    p.add_argument("--frames", choices=["bitmap", "list"], default=None,
                   help="frame allocator (default: kernel/mm/frame_allocator.py's)")
    p.add_argument("--cpu", default=None,
                   help="QEMU CPU model, e.g. qemu64,-nx (default: QEMU's)")
    try:
        from .kernel_tools.kernel_cli import add_kernel_commands
    except ImportError:  # pragma: no cover - during bootstrapping only
        pass
    else:
        add_kernel_commands(sub)
    return parser


def compile_to_exe(program: Path, out: Path, opt: int, show_time: bool = False,
                   debug: bool = False, target: Target | None = None,
                   leak_check: bool = False) -> None:
    """Compile and link a program for Linux, or for Pythos with the user target."""
    from .driver import compile_file
    from .kernel_tools.build import link_linux, link_user
    target = target or get_target("linux")
    result = compile_file(program, target, opt, debug=debug, leak_check=leak_check)
    link = link_user if target.platform == "user" else link_linux
    with tempfile.TemporaryDirectory(prefix="pythos-") as tmp:
        obj = Path(tmp) / "program.o"
        obj.write_bytes(result.obj)
        link([obj], out)
    if show_time:
        print_times(result.timings)


def print_times(timings: dict[str, float]) -> None:
    for stage, seconds in timings.items():
        print(f"{stage:>10}: {seconds * 1000:8.1f} ms", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from .driver import compile_file
    if args.command == "test":
        from .kernel_tools.ktest import main as run_kernel_tests
        return run_kernel_tests(args.build_dir, args.opt, args.patterns, args.heap,
                                args.frames, args.cpu)
    target = get_target(args.target)
    if args.command == "check":
        compile_file(args.program, target, args.opt, stop_after="check")
        return 0
    if args.command == "exec":
        if target.name != "linux":
            raise CompileError(f"'exec' runs Linux programs; use 'pythos compile' for the "
                               f"{target.name} target")
        with tempfile.TemporaryDirectory(prefix="pythos-") as tmp:
            exe = Path(tmp) / args.program.stem
            compile_to_exe(args.program, exe, args.opt, args.time, args.debug,
                           leak_check=args.leak_check)
            sys.stdout.flush()
            return subprocess.run([str(exe), *args.args]).returncode
    if args.command == "compile":
        if args.dump:
            stop = {"parse": "parse", "typed": "check", "ir": "ir"}[args.dump]
            result = compile_file(args.program, target, args.opt, stop_after=stop)
            if args.dump == "parse":
                print(result.program.dump())
            elif args.dump == "ir":
                from .dump import dump_ir
                assert result.ir is not None
                print(dump_ir(result.ir))
            else:
                from .dump import dump_typed
                print(dump_typed(result.program))
            return 0
        emit = args.emit or ("obj" if target.freestanding else "exe")
        out = args.output or args.program.with_suffix(
            {"exe": "", "obj": ".o", "asm": ".s", "llvm": ".ll"}[emit])
        if emit == "exe":
            if target.freestanding:
                raise CompileError("the freestanding target produces objects (--emit obj); "
                                   "use 'pythos build' for a bootable kernel")
            compile_to_exe(args.program, out, args.opt, args.time, args.debug, target,
                           args.leak_check)
            return 0
        result = compile_file(args.program, target, args.opt, emit=emit, debug=args.debug)
        if emit == "llvm":
            out.write_text(result.optimized_ir)
        elif emit == "asm":
            out.write_text(result.asm)
        else:
            out.write_bytes(result.obj)
        if args.time:
            print_times(result.timings)
        return 0
    from .kernel_tools.kernel_cli import run_kernel_command
    return run_kernel_command(args)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return run(args)
    except CompileError as e:
        print(e.render(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # noqa: BLE001 - the last line of defence
        from .kernel_tools.build import BuildError
        if isinstance(e, BuildError):
            print(f"pythos: error: {e}", file=sys.stderr)
            return 1
        print(f"pythos: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        if os.environ.get("PYTHOS_TRACEBACK"):
            raise
        return 2


if __name__ == "__main__":
    sys.exit(main())
