"""Drop reports: one line per burst, with counts that add up to the counter."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kernel.drivers.keyboard as keyboard
import kernel.drivers.serial as serial
import kernel.drivers.serial_input as serial_input
import kernel.dropreport as dropreport
from kernel.dropreport import MAX_DELAY_MS, QUIET_MS, DropReport
from pythos.lang import u64

# A step: so many more drops (often none), then so many milliseconds pass.
steps = st.lists(st.tuples(st.one_of(st.just(0), st.integers(0, 5000)), st.integers(0, 400)),
                 max_size=60)


@given(steps)
@settings(max_examples=500)
def test_reports_add_up_and_wait_for_the_burst_to_end(run: list[tuple[int, int]]) -> None:
    report = DropReport()
    count = now = total_reported = 0
    last_change = pending_since = None
    last_report = None
    for more, elapsed in run:
        count += more
        if more:
            if count - more == total_reported:   # the first unreported drop
                pending_since = now
            last_change = now
        lost = int(report.due(u64(count), u64(now)))
        if lost:
            # Only once the counter has been quiet, or the burst is old.
            assert now - last_change >= QUIET_MS or now - pending_since >= MAX_DELAY_MS
            # A flood is reported at most every MAX_DELAY_MS (or when it ends).
            if last_report is not None and now - last_change < QUIET_MS:
                assert now - last_report >= MAX_DELAY_MS
            last_report = now
        total_reported += lost
        assert total_reported <= count
        now += elapsed
    # Once nothing more is dropped, everything is reported.
    now += int(QUIET_MS)
    total_reported += int(report.due(u64(count), u64(now)))
    assert total_reported == count
    assert report.due(u64(count), u64(now + 10_000)) == 0


def test_one_line_for_a_flood_with_its_exact_count() -> None:
    report = DropReport()
    for ms in range(0, 150, 10):                 # a flood of 150 ms
        assert report.due(u64(ms * 600), u64(ms)) == 0
    assert report.due(u64(140 * 600), u64(140 + QUIET_MS - 1)) == 0
    assert report.due(u64(140 * 600), u64(140 + QUIET_MS)) == 140 * 600
    assert report.due(u64(140 * 600), u64(10_000)) == 0


def test_an_endless_flood_is_reported_every_max_delay() -> None:
    report = DropReport()
    reports = [(ms, int(report.due(u64(ms), u64(ms)))) for ms in range(0, 5000)]
    times = [ms for ms, lost in reports if lost]
    # The first drop is at 1 ms; the next burst starts 1 ms after a report.
    assert times == [2001, 4002]
    assert sum(lost for _, lost in reports) == 4002


@pytest.fixture
def counters(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    values = {"serial": 0, "overruns": 0, "keyboard": 0, "output": 0}
    monkeypatch.setattr(serial_input, "dropped_bytes", lambda: u64(values["serial"]))
    monkeypatch.setattr(keyboard, "dropped_scancodes", lambda: u64(values["keyboard"]))
    monkeypatch.setattr(serial, "dropped_output", lambda: u64(values["output"]))
    monkeypatch.setattr(serial, "receive_overruns", lambda: u64(values["overruns"]))
    for name in ("serial_input_drops", "serial_overruns", "keyboard_drops",
                 "serial_output_drops"):
        monkeypatch.setattr(dropreport, name, DropReport())
    return values


def test_report_lines(counters: dict[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    assert not dropreport.report(u64(0))
    counters.update(serial=90191, overruns=2, keyboard=12, output=37)
    assert not dropreport.report(u64(10))
    assert dropreport.report(u64(10 + QUIET_MS))
    assert capsys.readouterr().out == (
        "\nserial: 90191 bytes dropped (input too fast)"
        "\nserial: 2 receive overruns (input lost before the kernel read it)"
        "\nkeyboard: 12 scancodes dropped (input too fast)"
        "\nserial: 37 output bytes dropped (transmitter stalled)")
    dropreport.end_report()
    assert not dropreport.report(u64(10_000))


def test_output_the_report_itself_loses_is_not_reported_again(
        counters: dict[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    counters["output"] = 5
    dropreport.report(u64(0))
    assert dropreport.report(u64(QUIET_MS))
    counters["output"] += 60           # the report's line, lost on a dead UART
    dropreport.end_report()
    assert not dropreport.report(u64(10_000))
    counters["output"] += 3            # new output lost later is reported
    dropreport.report(u64(20_000))
    assert dropreport.report(u64(20_000 + QUIET_MS))
    assert capsys.readouterr().out.endswith("serial: 3 output bytes dropped (transmitter stalled)")


def test_a_report_lost_on_a_stalled_transmitter_is_not_reported_again(
        counters: dict[str, int], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # The input report itself is lost on a dead transmitter: the output
    # counter grows while report() runs, before it polls that counter.
    def lossy_print(*args: object, **kwargs: object) -> None:
        counters["output"] += len("".join(map(str, args)))
    monkeypatch.setattr(dropreport, "print", lossy_print, raising=False)
    assert dropreport.serial_output_drops.due(u64(0), u64(0)) == 0
    counters.update(serial=100, output=7)       # 7 output bytes lost before
    assert not dropreport.report(u64(0))
    assert dropreport.report(u64(QUIET_MS))      # the input line, lost too
    counters["output"] += 13                     # and the prompt after it
    dropreport.end_report()
    drops = dropreport.serial_output_drops
    assert drops.reported <= drops.seen == counters["output"]
    # Only the 7 bytes lost before the report are reported, once; nothing
    # wraps around below zero.
    reported = [int(dropreport.serial_output_drops.due(u64(counters["output"]), u64(t)))
                for t in range(1000, 10_000, 100)]
    assert sum(reported) == 7


@given(steps, st.lists(st.integers(0, 300), max_size=60))
@settings(max_examples=300)
def test_absorbed_drops_are_never_reported(run: list[tuple[int, int]],
                                           absorbed: list[int]) -> None:
    # Drops the reporter causes itself are absorbed as they happen; the
    # others are all reported, exactly once, and nothing wraps below zero.
    report = DropReport()
    count = now = own = total = 0
    for i, (more, elapsed) in enumerate(run):
        count += more
        total += int(report.due(u64(count), u64(now)))
        caused = absorbed[i] if i < len(absorbed) else 0
        count += caused
        own += caused
        report.absorb(u64(caused), u64(count))
        assert int(report.reported) <= int(report.seen) <= count
        now += elapsed
    total += int(report.due(u64(count), u64(now + int(QUIET_MS))))
    assert total == count - own
