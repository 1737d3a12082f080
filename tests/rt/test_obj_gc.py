"""The cycle collector (pythos/rt/obj/gc.py), compiled, at -O0 and -O2.

`obj/gc_cycles.py` runs fixed scenarios (cycles of one and two nodes, a
doubly linked list of 100,000 nodes, a tree with parent pointers, cycles
held by live objects, garbage holding live objects, automatic collections)
with a 256 KiB stack, which a collector that recursed along a chain would
overflow.  `obj/gc_graph.py` builds random graphs from Hypothesis; the
expected result comes from a model of reference counting plus
reachability, and is checked against CPython's own `gc.collect()` on the
same graph.  `obj/gc_ops.py` runs random programs of node operations with
a tiny threshold, so that automatic collections run inside `obj_new`
between any two operations, against a model of counting and collecting."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.compiler.conftest import compile_program, env

OBJ = Path(__file__).parent / "obj"
OPTS = [0, 2]


def build(tmp_path_factory: pytest.TempPathFactory, name: str, opt: int) -> Path:
    exe = tmp_path_factory.mktemp("gc") / f"{name}.O{opt}"
    built = compile_program(OBJ / f"{name}.py", exe, opt)
    assert built.returncode == 0, built.stderr.decode()
    return exe


@pytest.fixture(scope="module", params=OPTS, ids=lambda o: f"O{o}")
def cycles(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The scenarios' output (they run once per optimisation level)."""
    exe = build(tmp_path_factory, "gc_cycles", request.param)
    run = subprocess.run(["bash", "-c", f"ulimit -s 256 && exec {exe}"],
                         capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr.decode()
    return run.stdout.decode()


@pytest.fixture(scope="module", params=OPTS, ids=lambda o: f"O{o}")
def graph_exe(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory, "gc_graph", request.param)


def line(output: str, name: str) -> list[int | str]:
    """The values printed after `name` (ints where they are numbers)."""
    for text in output.splitlines():
        words = text.split()
        if words and words[0] == name:
            return [int(w) if w.lstrip("-").isdigit() else w for w in words[1:]]
    raise AssertionError(f"no line {name!r} in:\n{output}")


NODE = 32 + 16  # a test Node and its GcHead
TREE = 48 + 16


def test_a_self_cycle_and_a_two_node_cycle_are_collected(cycles: str) -> None:
    assert line(cycles, "self-cycle") == [1, 0, 0]
    assert line(cycles, "two-node-cycle") == [2, 0, 0]


def test_a_dropped_doubly_linked_list_is_collected_to_the_last_byte(cycles: str) -> None:
    assert line(cycles, "list-built") == [0, 100_000, 100_000 * NODE]
    # Every node is held by its neighbours: dropping the head frees none.
    assert line(cycles, "list-dropped") == [0, 100_000, 100_000 * NODE]
    assert line(cycles, "list-collected") == [100_000, 0, 0]


def test_a_tree_with_parent_pointers_is_collected(cycles: str) -> None:
    nodes = 2**12 - 1
    assert line(cycles, "tree-built") == [0, nodes, nodes * TREE]
    assert line(cycles, "tree-collected") == [nodes, 0, 0]


def test_a_cycle_reachable_from_a_live_object_survives(cycles: str) -> None:
    assert line(cycles, "held-cycle") == [0, 3, 3 * NODE]
    # The holder's count is the program's; x has the holder's and y's.
    assert line(cycles, "held-counts") == [1, 2, 1]
    assert line(cycles, "holder-dropped") == [0, 2, 2 * NODE]
    assert line(cycles, "held-cycle-collected") == [2, 0, 0]


def test_garbage_drops_only_its_references_to_live_objects(cycles: str) -> None:
    assert line(cycles, "before") == [3, 2, "True"]
    assert line(cycles, "held-by-live") == [0, 4, 3 * NODE + TREE]
    assert line(cycles, "garbage-with-live") == [2, 2, NODE + TREE]
    assert line(cycles, "after") == [1, 1]
    assert line(cycles, "live-dropped") == [0, 0, 0]


def test_untracked_objects_held_by_garbage_are_released(cycles: str) -> None:
    assert line(cycles, "str-tracked") == ["False", "True"]
    assert line(cycles, "untracked-child") == [1, 0, 0]


def test_a_cycle_through_a_kind_and_a_class_is_collected(cycles: str) -> None:
    assert line(cycles, "mixed-kinds") == [2, 0, 0]


def test_a_reference_from_an_untracked_object_keeps_a_cycle_alive(cycles: str) -> None:
    assert line(cycles, "hidden-tracked") == ["False"]
    assert line(cycles, "held-by-untracked") == [0, 3, 2 * NODE + 32]
    assert line(cycles, "untracked-holder-dropped") == [2, 0, 0]


def test_clearing_garbage_may_free_tracked_objects_it_reaches_unseen(cycles: str) -> None:
    # Only g is found unreachable; the tracked node behind the untracked
    # one goes with it, through the release.
    assert line(cycles, "through-untracked") == [1, 0, 0]


def test_objects_made_before_init_are_left_alone(cycles: str) -> None:
    # `early` (a tracked type, made before init) is live from the start;
    # the report counts it against the baseline taken before it.
    assert line(cycles, "early") == ["False", 2]
    assert line(cycles, "early-held") == [1, 1, NODE]
    assert line(cycles, "early-after") == [1]
    assert line(cycles, "early-dropped") == [0, 0, 0]


def test_collecting_before_init_and_initialising_twice_are_harmless(cycles: str) -> None:
    assert line(cycles, "before-init") == [0, "False"]
    assert line(cycles, "init-again") == [2, 0, 0]


def test_the_threshold_starts_collections(cycles: str) -> None:
    # 10,000 self-cycles, threshold 700: a collection before the 701st,
    # 1401st, ... allocation since the last, each finding 700.
    assert line(cycles, "automatic") == [14, 14 * 700, 10_000 - 14 * 700]
    assert line(cycles, "automatic-left") == [0, 200, 200 * NODE]
    assert line(cycles, "disabled") == ["False", 0, 2_200]
    assert line(cycles, "enabled") == ["True"]
    assert line(cycles, "disabled-collected") == [2_200, 0, 0]
    assert line(cycles, "threshold-0") == [0]
    assert line(cycles, "threshold-0-collected") == [1_000, 0, 0]


def automatic_runs(allocations: int, threshold: int = 700) -> tuple[int, int]:
    """Automatic collections, and how many of them were full, while
    `allocations` objects are made and all kept, from an empty collector:
    the rule of gc.py's `set_trigger` and `full_due`."""
    runs = fulls = allocated = old_survivors = 0
    for made in range(allocations):
        if allocated >= threshold:
            runs += 1
            growth = made - old_survivors  # all kept: `made` are tracked
            if growth >= old_survivors and growth >= 10 * threshold:
                fulls += 1
                old_survivors = made
            allocated = 0
        allocated += 1
    return runs, fulls


def test_young_collections_do_not_revisit_the_survivors(cycles: str) -> None:
    assert line(cycles, "survivors-kept") == [0, 100_000, 100_000 * NODE]
    # 30,000 self-cycles over 100,000 old survivors: a collection every
    # 700 allocations, each examining only the 700 young objects.
    runs = 30_000 // 700
    assert line(cycles, "young-only") == [runs, runs * 700, runs * 700, 0, 30_000 - runs * 700]
    assert line(cycles, "young-only-collected") == [30_000 - runs * 700, 0, 0]


def test_statistics_add_up(cycles: str) -> None:
    explicit = 19
    (chain, chain_full), (tree, tree_full) = automatic_runs(100_000), automatic_runs(2**12 - 1)
    automatic = 2 * chain + tree + 14 + 30_000 // 700
    full = explicit + 2 * chain_full + tree_full
    # Scenario by scenario, in the order gc_cycles.py runs them.
    collected = (1 + 1 + 2 + 100_000 + (2**12 - 1) + 2 + 2 + 1 + 2 + 2 + 1 + 2
                 + (10_000 - 200) + 2_200 + 1_000 + 30_000)
    assert line(cycles, "stats") == [explicit + automatic, automatic, collected, 0, full]
    assert line(cycles, "end") == [0, 0, 0]


def test_the_collections_work_per_allocation_is_bounded(tmp_path: Path) -> None:
    """Objects examined by automatic collections, per tracked allocation,
    in gc_work.py's shapes: at most one young examination each, plus at
    most two in full collections per object the heap grew by.  A heap
    that does not grow (rounds, churn) pays the young one only, after
    the first round.  (A collector that rescans the whole live heap,
    paced by a quarter of its survivors, examined 4.0 and 3.7 objects per
    allocation in the first two.)"""
    exe = tmp_path / "gc_work"
    built = compile_program(OBJ / "gc_work.py", exe, 2)
    assert built.returncode == 0, built.stderr.decode()
    run = subprocess.run([str(exe)], capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr.decode()
    output = run.stdout.decode()
    for shape, limit in [("grow", 3.0), ("rounds", 1.5), ("churn", 1.5)]:
        allocated, visited = line(output, shape)
        assert isinstance(allocated, int) and isinstance(visited, int)
        assert visited <= limit * allocated, (shape, visited / allocated)
    collected, full, tracked = line(output, "old-garbage")
    assert collected == 20_000 and isinstance(full, int) and full >= 1 and tracked == 50_000
    assert line(output, "left") == [0, 0]


@pytest.mark.parametrize("opt", OPTS)
def test_a_traverse_reporting_too_many_references_panics(tmp_path: Path, opt: int) -> None:
    """Trusting it would make a live object look like garbage and free it."""
    exe = tmp_path / "gc_bad_traverse"
    built = compile_program(OBJ / "gc_bad_traverse.py", exe, opt)
    assert built.returncode == 0, built.stderr.decode()
    run = subprocess.run([str(exe)], capture_output=True, timeout=30)
    assert run.returncode != 0
    assert run.stdout.decode() == "collecting\n"
    report = run.stderr.decode()
    assert "panic: gc: the object at 0x" in report
    assert "(kind 15) is visited more times than its reference count (1)" in report


def test_the_benchmark_of_docs_objects_md_runs(tmp_path: Path) -> None:
    exe = tmp_path / "gc_bench"
    built = compile_program(OBJ / "gc_bench.py", exe, 2)
    assert built.returncode == 0, built.stderr.decode()
    for digits, printed in [("001", "0"), ("201", "1000000"), ("401", "0"), ("x", "usage")]:
        run = subprocess.run([str(exe)], input=digits.encode(), capture_output=True,
                             timeout=60)
        assert run.returncode == 0, run.stderr.decode()
        assert run.stdout.decode().startswith(printed)


@pytest.mark.parametrize("opt", OPTS)
def test_garbage_that_survives_clearing_panics(tmp_path: Path, opt: int) -> None:
    """A clear that leaves a reference behind would leak the cycle."""
    exe = tmp_path / "gc_bad_clear"
    built = compile_program(OBJ / "gc_bad_clear.py", exe, opt)
    assert built.returncode == 0, built.stderr.decode()
    run = subprocess.run([str(exe)], capture_output=True, timeout=30)
    assert run.returncode != 0
    assert run.stdout.decode() == "collecting\n"
    report = run.stderr.decode()
    assert "panic: gc: the object at 0x" in report
    assert "(kind 15) is still referenced 1 times after its cycle was cleared" in report


# ----- random graphs ------------------------------------------------------------------

Graph = tuple[int, list[tuple[int, int]], list[bool]]


@st.composite
def graphs(draw: st.DrawFn) -> Graph:
    count = draw(st.integers(1, 40) | st.integers(41, 255))
    target = st.integers(0, count - 1) | st.just(255)
    edges = draw(st.lists(st.tuples(target, target), min_size=count, max_size=count))
    roots = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    return count, edges, roots


def encode(graph: Graph) -> bytes:
    count, edges, roots = graph
    return bytes([count, *(x for edge in edges for x in edge), *map(int, roots)])


def successors(graph: Graph, node: int) -> list[int]:
    count, edges, _ = graph
    return [t for t in edges[node] if t < count]


def reachable(graph: Graph, start: set[int]) -> set[int]:
    seen = set(start)
    work = list(start)
    while work:
        for t in successors(graph, work.pop()):
            if t not in seen:
                seen.add(t)
                work.append(t)
    return seen


def left_by_counting(graph: Graph, dropped: set[int]) -> set[int]:
    """What reference counting leaves of `dropped`, a set of nodes nothing
    outside it refers to: a node goes once nothing left refers to it."""
    left = set(dropped)
    changed = True
    while changed:
        held = {t for n in left for t in successors(graph, n)}
        changed = bool(left - held)
        left &= held
    return left


class Slot:
    __slots__ = ("a", "b")
    a: Slot | None
    b: Slot | None


def cpython_collects(graph: Graph) -> int:
    """What CPython's own gc.collect() finds of the same graph once the
    non-roots are dropped.  Only its youngest generation is collected (the
    graph is all there, and collecting everything each time would make
    this the slowest part of the test); the first collection takes away
    what was young before."""
    count, edges, roots = graph
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect(0)
        nodes = [Slot() for _ in range(count)]
        for node, (a, b) in zip(nodes, edges, strict=True):
            node.a = nodes[a] if a < count else None
            node.b = nodes[b] if b < count else None
        kept = [n for n, root in zip(nodes, roots, strict=True) if root]
        del nodes, node
        found = gc.collect(0)
        del kept
        return found
    finally:
        if was_enabled:
            gc.enable()


def expected_output(graph: Graph) -> str:
    count, _, roots = graph
    alive = reachable(graph, {i for i in range(count) if roots[i]})
    first = len(left_by_counting(graph, set(range(count)) - alive))
    assert first == cpython_collects(graph)
    second = len(left_by_counting(graph, alive))
    return (f"roots-kept {first} {len(alive)}\n"
            f"roots-dropped {second} 0\n"
            "end 0 0\n")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graph=graphs())
def test_exactly_the_unreachable_nodes_of_a_random_graph_are_freed(
        graph_exe: Path, graph: Graph) -> None:
    run = subprocess.run([str(graph_exe)], input=encode(graph), capture_output=True,
                         timeout=30)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode() == expected_output(graph)


def test_a_fixed_graph_gives_the_same_under_cpython_and_compiled(graph_exe: Path) -> None:
    """The program itself is the reference: under CPython (pythos.lang
    simulating memory) it prints what the compiled one prints."""
    graph: Graph = (6, [(1, 255), (0, 2), (2, 2), (4, 255), (5, 255), (3, 0)],
                    [False, False, True, False, False, False])
    compiled = subprocess.run([str(graph_exe)], input=encode(graph), capture_output=True,
                              timeout=30)
    interpreted = subprocess.run([sys.executable, str(OBJ / "gc_graph.py")],
                                 input=encode(graph), capture_output=True, timeout=120,
                                 env=env())
    assert interpreted.returncode == 0, interpreted.stderr.decode()
    assert compiled.stdout == interpreted.stdout == expected_output(graph).encode()


# ----- random programs, with automatic collections ------------------------------------

VARIABLES = 16


class Heap:
    """A model of the program gc_ops.py runs: reference counts, the
    release they cause, and the collector's trigger, generations and
    findings."""

    def __init__(self, threshold: int) -> None:
        self.refs: dict[int, int] = {}
        self.fields: dict[int, list[int | None]] = {}
        self.variables: list[int | None] = [None] * VARIABLES
        self.made = 0
        self.threshold = threshold
        self.allocated = 0
        self.old: set[int] = set()
        self.old_survivors = 0
        self.automatic = 0

    def new(self) -> int:
        if self.threshold and self.allocated >= self.threshold:
            self.automatic += 1
            growth = len(self.refs) - self.old_survivors
            self.collect(growth >= self.old_survivors and growth >= 10 * self.threshold)
        self.allocated += 1
        self.made += 1
        self.refs[self.made] = 1
        self.fields[self.made] = [None, None]
        return self.made

    def decref(self, obj: int | None) -> None:
        work = [obj]
        while work:
            o = work.pop()
            if o is None:
                continue
            self.refs[o] -= 1
            if self.refs[o] == 0:
                work += self.fields.pop(o)
                del self.refs[o]
                self.old.discard(o)
                self.allocated = max(0, self.allocated - 1)

    def incref(self, obj: int | None) -> None:
        if obj is not None:
            self.refs[obj] += 1

    def assign(self, x: int, obj: int | None) -> None:
        old = self.variables[x]
        self.variables[x] = obj
        self.decref(old)

    def set_field(self, x: int, field: int, y: int) -> None:
        node = self.variables[x]
        assert node is not None
        target = self.variables[y]
        self.incref(target)
        old = self.fields[node][field]
        self.fields[node][field] = target
        self.decref(old)

    def collect(self, full: bool = True) -> int:
        """A full collection finds everything unreachable from the
        variables; a young one only the young objects unreachable from the
        variables and the old objects (which it takes as alive)."""
        seen = {v for v in self.variables if v is not None}
        if not full:
            seen |= self.old
        work = list(seen)
        while work:
            for child in self.fields[work.pop()]:
                if child is not None and child not in seen:
                    seen.add(child)
                    work.append(child)
        garbage = set(self.refs) - seen
        dropped = [child for g in garbage for child in self.fields[g]
                   if child is not None and child not in garbage]
        for g in garbage:
            del self.refs[g], self.fields[g]
        # What the garbage held drops a count: an old object that only
        # young garbage held is freed now, and what only it held.
        for child in dropped:
            self.decref(child)
        self.allocated = 0
        if full:
            self.old_survivors = len(self.refs)
        self.old = set(self.refs)
        return len(garbage)

    def run(self, ops: list[tuple[int, int, int]]) -> str:
        out = []
        for op, x, y in ops:
            x %= VARIABLES
            y %= VARIABLES
            if op == 0:
                self.assign(x, self.new())
            elif op == 3:
                self.incref(self.variables[y])
                self.assign(x, self.variables[y])
            elif op == 4:
                self.assign(x, None)
            elif op == 5:
                out.append(f"collect {self.collect()} {len(self.refs)}\n")
            elif self.variables[x] is None:
                pass
            else:
                self.set_field(x, op - 1, y)
        for x in range(VARIABLES):
            self.assign(x, None)
        found = self.collect()
        out.append(f"end {found} {self.automatic} 0 0\n")
        return "".join(out)


@pytest.fixture(scope="module", params=OPTS, ids=lambda o: f"O{o}")
def ops_exe(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory, "gc_ops", request.param)


operation = st.tuples(st.sampled_from([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 4, 4, 5]),
                      st.integers(0, VARIABLES - 1), st.integers(0, VARIABLES - 1))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(threshold=st.sampled_from([0, 1, 2, 3, 5, 8, 13]),
       ops=st.lists(operation, min_size=50, max_size=300))
def test_random_programs_with_automatic_collections_match_the_model(
        ops_exe: Path, threshold: int, ops: list[tuple[int, int, int]]) -> None:
    data = bytes([threshold, *(b for step in ops for b in step)])
    run = subprocess.run([str(ops_exe)], input=data, capture_output=True, timeout=30)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode() == Heap(threshold).run(ops)


# Without explicit collections, more links and a threshold of 1 or 2, old
# objects (every young collection promotes what is alive) become cyclic
# garbage often enough that automatic full collections find it.
linking = st.tuples(st.sampled_from([0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4]),
                    st.integers(0, VARIABLES - 1), st.integers(0, VARIABLES - 1))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(threshold=st.sampled_from([1, 2]), ops=st.lists(linking, min_size=300, max_size=600))
def test_old_cycles_are_found_by_automatic_full_collections_as_the_model_says(
        ops_exe: Path, threshold: int, ops: list[tuple[int, int, int]]) -> None:
    data = bytes([threshold, *(b for step in ops for b in step)])
    run = subprocess.run([str(ops_exe)], input=data, capture_output=True, timeout=30)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode() == Heap(threshold).run(ops)
