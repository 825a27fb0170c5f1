"""Load: simulated officials against 1 and then 2 replicas behind nginx, without a browser.

    python benchmarks/bench_serve.py [--seconds 20] [--levels 2,4,8] [--port 8700]
                                     [--skip-swap] [--skip-kill]

Every official is a Streamlit session spoken over the websocket protocol (ruraldash.ui.
stream_client): it opens Compare through nginx, switches from prefectures to counties and
downloads the table as CSV, then thinks 1-2 s and starts again in a new session. A page view is
one script run (the open, the change); its time runs from the request to the script's finish.
Everything runs on 127.0.0.1 (ports --port..--port+2) and each phase is bounded (--seconds).

First, warm before ready: the first official's page on a fresh replica that says /ready,
against the first page of a bare one-chart Streamlit app and of the app without the warm-up
(`streamlit run app.py`, served mode), each a fresh process timed from the request to the
script's finish (--skip-first leaves this out).

Printed, one line per phase: page views per second, p50/p95 time to the script's finish, failed
page views, downloads (and failed ones), and memory (RSS from /proc) per replica. Phases:
1. a lone official on 1 replica (the baseline p95);
2. 1 replica, then 2 replicas, at each --levels number of officials; the knee is the most
   officials whose p95 stays within 2x the lone one;
3. a new release swapped in (written beside, renamed over the old) under load on 2 replicas;
4. one of 2 replicas killed under load: its in-flight page views fail, its officials' next
   sessions land on the other one.
Targets (reported, not asserted): 2 replicas >= 1.7x the page views per second of 1 at the same
p95; p95 at the knee <= 2x a lone session; 0 failed page views during the swap; a kill loses at
most the killed replica's in-flight page views.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ruraldash import paths  # noqa: E402
from ruraldash.language.i18n import t  # noqa: E402
from ruraldash.serving import replicas  # noqa: E402
from ruraldash.serving.processes import stop  # noqa: E402
from ruraldash.store.release import write_release  # noqa: E402
from ruraldash.ui.stream_client import Session  # noqa: E402

PAGE, DOWNLOAD = "compare", "compare_csv"
# The change an official makes: compare the counties instead of the prefectures (a select box
# is set by the label it shows).
CHANGE = ("level", t("levels_county", "zh"))
THINK_SECONDS = (1.0, 2.0)
SESSION_TIMEOUT = 60


@dataclass
class Tally:
    """What the officials of one phase did: page-view times, failures, downloads."""

    times: list[float] = field(default_factory=list)
    failed: int = 0
    downloads: int = 0
    downloads_failed: int = 0
    errors: list[str] = field(default_factory=list)
    in_flight: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Page views per second over the phase's wall time."""
        return len(self.times) / self.seconds if self.seconds else float("nan")

    def line(self, name: str, memory: str) -> str:
        """One printed line: rate, p50/p95, failures, downloads, memory."""
        rate = self.rate
        p50, p95 = percentile(self.times, 50), percentile(self.times, 95)
        return (
            f"{name:<34} {rate:6.2f} page views/s  p50 {p50:5.2f} s  p95 {p95:5.2f} s  "
            f"failed {self.failed:3d}  downloads {self.downloads:4d} "
            f"(failed {self.downloads_failed})  RSS {memory}"
        )


def percentile(values: list[float], point: int) -> float:
    """Return the point-th percentile (nan when there is nothing to rank)."""
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[point - 1]


async def official(url: str, tally: Tally, deadline: float, seed: int) -> None:
    """One official until the deadline: open, change a selection, download, think; again."""
    chance = random.Random(seed)
    await asyncio.sleep(chance.uniform(0, THINK_SECONDS[1]))  # not all at the same instant
    while time.monotonic() < deadline:
        session = Session(url, timeout=SESSION_TIMEOUT)
        tally.in_flight += 1
        try:
            started = time.perf_counter()
            run = await session.open(PAGE)
            tally.times.append(time.perf_counter() - started)
            run = await session.set_widget(run, *CHANGE)
            tally.times.append(run.seconds)
        except Exception as error:  # a failed page view, whatever failed (counted, shown)
            tally.failed += 1
            tally.errors.append(f"page view: {type(error).__name__}: {error}"[:200])
        else:
            try:
                await session.download(run, DOWNLOAD)
                tally.downloads += 1
            except Exception as error:  # a failed download: counted apart from page views
                tally.downloads_failed += 1
                tally.errors.append(f"download: {type(error).__name__}: {error}"[:200])
        finally:
            tally.in_flight -= 1
            try:
                await session.close()
            except Exception:  # a dropped socket is already counted
                pass
        await asyncio.sleep(chance.uniform(*THINK_SECONDS))


async def load(url: str, officials: int, seconds: float, during=None) -> Tally:
    """Run `officials` for `seconds`; `during(tally)` runs alongside (a swap, a kill)."""
    tally = Tally()
    deadline = time.monotonic() + seconds
    tasks = [official(url, tally, deadline, seed) for seed in range(officials)]
    if during is not None:
        tasks.append(during(tally))
    await asyncio.gather(*tasks)
    return tally


def rss(deployment: replicas.Deployment) -> str:
    """Resident memory of each replica (its whole process), from /proc/PID/status."""
    shown = []
    for process in deployment.replicas:
        if process is None or process.poll() is not None:
            shown.append("down")
            continue
        status = Path(f"/proc/{process.pid}/status").read_text()
        kilobytes = next(int(line.split()[1]) for line in status.splitlines() if "VmRSS" in line)
        shown.append(f"{kilobytes / 1024:.0f} MB")
    return " / ".join(shown)


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a live process has used, from /proc/PID/stat; 0 if gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, from /proc/stat."""
    ticks = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = ticks[3] + ticks[4]
    clock = os.sysconf("SC_CLK_TCK")
    return (sum(ticks[:8]) - idle) / clock, sum(ticks[:8]) / clock


def cpu_snapshot(deployment) -> dict[str, float]:
    """CPU seconds so far: each replica, this process (the officials), the machine."""
    snapshot = {
        f"replica {number}": process_cpu(process.pid) if process is not None else 0.0
        for number, process in enumerate(deployment.replicas)
    }
    snapshot["officials"] = time.process_time()
    snapshot["machine busy"], snapshot["machine"] = machine_busy()
    return snapshot


def cpu_line(before: dict[str, float], after: dict[str, float]) -> str:
    """Where the phase's CPU went: a saturated machine cannot scale by adding replicas.
    A replica gone by the phase's end (killed) is said "down": its CPU can no longer be read."""
    used = {name: after[name] - before[name] for name in before}
    replicas_used = " / ".join(
        "down" if after[name] == 0.0 else f"{used[name]:.1f}"
        for name in used
        if name.startswith("replica")
    )
    return (
        f"    CPU s: replicas {replicas_used}, officials {used['officials']:.1f}, "
        f"machine {used['machine busy']:.1f} of {used['machine']:.1f} "
        f"({os.cpu_count()} cores)"
    )


def measure(deployment, officials: int, seconds: float, name: str, during=None) -> Tally:
    """Run one phase and print its line, where its CPU went and its first errors."""
    started = time.monotonic()
    before = cpu_snapshot(deployment)
    tally = asyncio.run(load(deployment.url, officials, seconds, during))
    tally.seconds = time.monotonic() - started
    print(tally.line(name, rss(deployment)), flush=True)
    print(cpu_line(before, cpu_snapshot(deployment)), flush=True)
    for error in sorted(set(tally.errors))[:3]:
        print(f"    e.g. {error}", flush=True)
    return tally


def main() -> None:
    """Start the deployments, run the phases, print the lines and the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--levels", default="2,4,8")
    parser.add_argument("--port", type=int, default=8700)
    parser.add_argument("--skip-first", action="store_true")
    parser.add_argument("--skip-swap", action="store_true")
    parser.add_argument("--skip-kill", action="store_true")
    args = parser.parse_args()
    levels = [int(level) for level in args.levels.split(",")]
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        release = Path(tmp) / "release" / "ruraldash.duckdb"
        write_release(paths.default_data_dir(), paths.default_metrics_dir(), release)
        env = {"RURALDASH_MODE": "served", "RURALDASH_RELEASE": str(release)}
        print(f"release {release}; {args.seconds:.0f} s a phase; think {THINK_SECONDS} s")
        if not args.skip_first:
            first_pages(args.port, Path(tmp), env)
        rates: dict[int, dict[int, Tally]] = {}
        lone = None
        for count in (1, 2):
            prefix = Path(tmp) / f"proxy{count}"
            deployment = replicas.start(count, args.port, prefix, env)
            try:
                if lone is None:
                    lone = measure(deployment, 1, args.seconds, "lone official, 1 replica")
                rates[count] = {}
                for level in levels:
                    rates[count][level] = measure(
                        deployment, level, args.seconds, f"{level} officials, {count} replica(s)"
                    )
                if count == 2 and not args.skip_swap:
                    swap_under_load(deployment, release, max(levels), args.seconds)
                if count == 2 and not args.skip_kill:
                    kill_under_load(deployment, max(levels), args.seconds)
            finally:
                deployment.stop()
        report_targets(lone, rates)


BARE_CHART_APP = """import plotly.graph_objects as go
import streamlit as st

st.title("Bare app")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2])))
"""


def _first_open(url: str, page: str) -> float:
    """Seconds from the request to the script's finish of a new session's first page."""

    async def opened() -> float:
        session = Session(url, timeout=SESSION_TIMEOUT)
        started = time.perf_counter()
        try:
            await session.open(page)
        finally:
            await session.close()
        return time.perf_counter() - started

    return asyncio.run(opened())


def _plain_process(script: Path, port: int, log: Path, env: dict[str, str]):
    """A `streamlit run script` process with no warm-up; returned once its health answers."""
    return replicas.start_streamlit(script, port, log, env, "/_stcore/health")


def first_pages(port: int, tmp: Path, env: dict[str, str]) -> None:
    """The first official on a fresh ready replica, a fresh bare app and a fresh unwarmed app."""
    bare = tmp / "bare_chart_app.py"
    bare.write_text(BARE_CHART_APP, encoding="utf-8")
    process = _plain_process(bare, port + 3, tmp / "bare.log", {})
    try:
        bare_seconds = _first_open(f"http://127.0.0.1:{port + 3}", "")
    finally:
        stop(process)
    ready = replicas.start_replica(port + 1, tmp / "ready.log", env)
    try:
        warm = {page: _first_open(f"http://127.0.0.1:{port + 1}", page) for page in ("", PAGE)}
    finally:
        stop(ready)
    process = _plain_process(REPO / "app.py", port + 2, tmp / "cold.log", env)
    try:
        cold = _first_open(f"http://127.0.0.1:{port + 2}", "")
    finally:
        stop(process)
    print(
        f"first page, fresh processes: bare one-chart app {bare_seconds:.2f} s; "
        f"ready replica: overview {warm['']:.2f} s ({warm[''] / bare_seconds:.2f}x the bare app), "
        f"{PAGE} {warm[PAGE]:.2f} s; unwarmed app: overview {cold:.2f} s "
        f"({cold / bare_seconds:.2f}x)",
        flush=True,
    )


def swap_under_load(deployment, release: Path, officials: int, seconds: float) -> None:
    """A new release renamed over the served one halfway through a phase."""

    async def swap(tally: Tally) -> None:
        await asyncio.sleep(seconds / 2)
        await asyncio.to_thread(
            write_release, paths.default_data_dir(), paths.default_metrics_dir(), release
        )
        print("    new release renamed into place", flush=True)

    measure(deployment, officials, seconds, f"{officials} officials, release swapped", swap)


def kill_under_load(deployment, officials: int, seconds: float) -> None:
    """Replica 0 killed (SIGKILL) halfway through a phase; how many page views were lost."""
    at_kill: list[int] = []  # officials mid-visit on either replica: an upper bound

    async def kill(tally: Tally) -> None:
        await asyncio.sleep(seconds / 2)
        at_kill.append(tally.in_flight)
        deployment.stop_replica(0, kill=True)

    name = f"{officials} officials, replica 0 killed"
    tally = measure(deployment, officials, seconds, name, kill)
    print(
        f"    at the kill {at_kill[0]} official(s) were mid-visit on either replica; "
        f"{tally.failed} page view(s) failed; later visits on replica 1"
    )


def report_targets(lone: Tally, rates: dict[int, dict[int, Tally]]) -> None:
    """Print the targets against what was measured."""
    lone_p95 = percentile(lone.times, 95)
    print(f"\nlone p95 {lone_p95:.2f} s; knee = most officials with p95 <= {2 * lone_p95:.2f} s")
    knees: dict[int, Tally] = {}
    for count, by_level in rates.items():
        within = [
            level
            for level, tally in by_level.items()
            if percentile(tally.times, 95) <= 2 * lone_p95
        ]
        knee = max(within) if within else None
        if knee is None:
            print(f"{count} replica(s): no level kept p95 within 2x the lone session")
            continue
        tally = knees[count] = by_level[knee]
        print(
            f"{count} replica(s): knee at {knee} officials, "
            f"{tally.rate:.2f} page views/s, "
            f"p95 {percentile(tally.times, 95):.2f} s"
        )
    one, two = rates.get(1, {}), rates.get(2, {})
    if len(knees) == 2:
        ratio = knees[2].rate / knees[1].rate
        print(f"at the knee: 2 replicas {ratio:.2f}x the page views per second of 1")
    for level in sorted(set(one) & set(two)):
        ratio = two[level].rate / one[level].rate
        print(
            f"{level} officials: 2 replicas {ratio:.2f}x the page views per second of 1 "
            f"(p95 {percentile(one[level].times, 95):.2f} s -> "
            f"{percentile(two[level].times, 95):.2f} s)"
        )


if __name__ == "__main__":
    main()
