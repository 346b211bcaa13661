"""The benchmark: our writer and reader beside the peers, on the same inputs, in one run (run by scripts/bench).

    .venv/bin/python scripts/bench.py --bin DIR [--quick] [--json FILE] [--repetitions R]

DIR holds the release builds of `eventbench` and `eventdump`. Measures, each in its own process, the median
of several repetitions (a tool slower than a minute a run is run once):

  write   EVENTS scalar events (10 tags cycling, the step going up every 10 events), end to end (open, every
          call, close): our SummaryWriter (eventbench write; also the cost of one scalar() call seen by the
          training loop), the same through the batch call scalars(...) with a step's ten values at once, tensorboardX add_scalar, tensorboard.summary.Writer, tf.summary.scalar in a
          tf.function (scripts/bench_peers.py);
  read    a log of READ_EVENTS scalar events written once by eventbench and cached outside the repository
          (~/.cache/tbevents-bench, or $TBEVENTS_BENCH_CACHE): our reader to points with every checksum
          verified (eventbench read), `eventdump scalars --format csv > /dev/null`, TensorBoard's Rust data
          server (one load cycle, default and with --checksum; time until it logs "Finished load cycle"),
          TensorBoard's EventAccumulator, tbparse (on a 1-million-event log: it needs about 4.6 KB of memory
          per event, over 20 GB for 5 million);
  scaling our writer and reader at 1x, 4x and 16x the sizes above;
  memory  `eventdump scalars` on the 16x log (over 2 GB) as a stream: peak resident memory.

Prints Markdown tables (events/s, MB/s, peak resident memory, and how many times faster ours is); --json
writes every sample. --quick uses small sizes and one repetition (a smoke run of the whole harness).
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = sys.executable
SERVER = None
SLOW_RUN_SECONDS = 60
# tbparse holds about 4.6 KB per scalar event (measured: 932 MB for 200,000 events), so 5 million would need
# over 20 GB; it reads a 1-million-event log instead (the table shows each row's size; ratios are per event).
TBPARSE_EVENTS = 1_000_000


# Peak resident memory comes from GNU time (`%M`), which forks from its own small process: Linux keeps a forked
# child's high-water mark across exec, so wait4's ru_maxrss for a child of this Python process is never below
# Python's own size (about 30 MB), however little the measured tool uses.
GNU_TIME = "/usr/bin/time"
RSS_MARKER = "tbevents-bench-peak-rss-kb="


def measured(command):
    """`command` run under GNU time so that its peak resident memory is reported on standard error."""
    return [GNU_TIME, "-f", RSS_MARKER + "%M", *command] if os.path.exists(GNU_TIME) else command


def peak_rss(errors, usage):
    """Peak resident bytes: GNU time's report in `errors` when there is one, else wait4's (an upper bound)."""
    for line in reversed(errors.splitlines()):
        if line.startswith(RSS_MARKER):
            return int(line[len(RSS_MARKER):]) * 1024
    return usage.ru_maxrss * 1024


def run_process(command, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL):
    """Runs a command; returns (wall seconds, peak resident bytes, stdout text or None)."""
    start = time.monotonic()
    process = subprocess.Popen(measured(command), stdout=stdout, stderr=subprocess.PIPE, stdin=stdin, text=True)
    output = process.stdout.read() if stdout == subprocess.PIPE else None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}:\n{errors[-3000:]}")
    return wall, peak_rss(errors, usage), output


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


class Bench:
    def __init__(self, arguments):
        self.bin = arguments.bin
        self.quick = arguments.quick
        self.repetitions = 1 if arguments.quick else arguments.repetitions
        self.samples = []
        self.scratch = tempfile.mkdtemp(prefix="tbevents-bench-")
        self.cache = os.environ.get("TBEVENTS_BENCH_CACHE", os.path.expanduser("~/.cache/tbevents-bench"))
        self.write_events = 20_000 if arguments.quick else 1_000_000
        self.read_events = 200_000 if arguments.quick else 5_000_000

    # Measurements ---------------------------------------------------------------------------------------------

    def repeat(self, group, tool, events, measure, repetitions=None):
        """Runs `measure` (returning a dict with seconds, and optionally rss, bytes, extra) several times."""
        runs = []
        for _ in range(repetitions or self.repetitions):
            sample = measure()
            sample.update(group=group, tool=tool, events=sample.get("events", events))
            runs.append(sample)
            self.samples.append(sample)
            if sample["seconds"] > SLOW_RUN_SECONDS:
                break
        return {
            "group": group,
            "tool": tool,
            "events": runs[0]["events"],
            "runs": len(runs),
            "seconds": statistics.median(s["seconds"] for s in runs),
            "bytes": runs[0].get("bytes", 0),
            "rss": max(s["rss"] for s in runs),
            "extra": runs[0].get("extra", ""),
            "ns_per_call": statistics.median(s["ns_per_call"] for s in runs) if "ns_per_call" in runs[0] else None,
        }

    def eventbench_write(self, events, batch=False):
        def measure():
            directory = tempfile.mkdtemp(dir=self.scratch)
            command = [os.path.join(self.bin, "eventbench"), "write", "--events", str(events), "--output", directory]
            if batch:
                command.append("--batch")
            _, rss, output = run_process(command, stdout=subprocess.PIPE)
            shutil.rmtree(directory, ignore_errors=True)
            (result,) = json_lines(output)
            return {"seconds": result["seconds"], "rss": rss, "bytes": result["bytes"],
                    "ns_per_call": result["ns_per_call"]}

        return measure

    def peer_write(self, command_name, events):
        def measure():
            directory = tempfile.mkdtemp(dir=self.scratch)
            command = [PYTHON, os.path.join(HERE, "bench_peers.py"), command_name, str(events), directory]
            _, rss, output = run_process(command, stdout=subprocess.PIPE)
            shutil.rmtree(directory, ignore_errors=True)
            (result,) = json_lines(output)
            return {"seconds": result["seconds"], "rss": rss, "bytes": result["bytes"]}

        return measure

    def eventbench_read(self, log, events):
        def measure():
            command = [os.path.join(self.bin, "eventbench"), "read", "--input", log]
            _, rss, output = run_process(command, stdout=subprocess.PIPE)
            (result,) = json_lines(output)
            if result["events"] != events:
                raise RuntimeError(f"eventbench read {log}: {result['events']} points, expected {events}")
            return {"seconds": result["seconds"], "rss": rss, "bytes": result["bytes"]}

        return measure

    def eventdump_csv(self, log, *options):
        def measure():
            command = [os.path.join(self.bin, "eventdump"), "scalars", log, "--format", "csv", *options]
            wall, rss, _ = run_process(command)
            return {"seconds": wall, "rss": rss, "bytes": log_bytes(log)}

        return measure

    def rustboard(self, log, checksum):
        def measure():
            command = [SERVER, "--logdir", log, "--reload", "once", "--port", "0", "--die-after-stdin", "-v"]
            command += ["--port-file", os.path.join(self.scratch, "port")]
            if checksum:
                command.append("--checksum")
            start = time.monotonic()
            process = subprocess.Popen(measured(command), stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            seconds = None
            for line in process.stderr:
                if "Finished load cycle" in line:
                    seconds = time.monotonic() - start
                    break
            process.stdin.close()
            rest = process.stderr.read()
            _, _, usage = os.wait4(process.pid, 0)
            if seconds is None:
                raise RuntimeError("the data server never reported a finished load cycle")
            return {"seconds": seconds, "rss": peak_rss(rest, usage), "bytes": log_bytes(log)}

        return measure

    def peer_read(self, command_name, log, events):
        def measure():
            command = [PYTHON, os.path.join(HERE, "bench_peers.py"), command_name, log]
            _, rss, output = run_process(command, stdout=subprocess.PIPE)
            (result,) = json_lines(output)
            if result["events"] != events:
                raise RuntimeError(f"{command_name} {log}: {result['events']} points, expected {events}")
            return {"seconds": result["seconds"], "rss": rss, "bytes": log_bytes(log)}

        return measure

    # Inputs ---------------------------------------------------------------------------------------------------

    def log(self, events):
        """A cached directory holding one event file of `events` scalar events written by eventbench."""
        directory = os.path.join(self.cache, f"scalars-{events}")
        marker = os.path.join(directory, ".complete")
        if not os.path.exists(marker):
            shutil.rmtree(directory, ignore_errors=True)
            os.makedirs(self.cache, exist_ok=True)
            print(f"generating {events:,} scalar events in {directory}", file=sys.stderr)
            command = [os.path.join(self.bin, "eventbench"), "generate", "--events", str(events), "--output", directory]
            run_process(command, stdout=subprocess.PIPE)
            with open(marker, "w") as file:
                file.write(f"{events}\n")
        # Read once so every tool starts from the page cache.
        with open(event_file(directory), "rb") as file:
            while file.read(1 << 24):
                pass
        return directory

    # The run --------------------------------------------------------------------------------------------------

    def run(self):
        results = {"write": [], "read": [], "scaling": [], "memory": []}
        note = print_note

        events = self.write_events
        note(f"write: {events:,} scalar events")
        ours = self.repeat("write", "Swift SummaryWriter", events, self.eventbench_write(events),
                           repetitions=max(self.repetitions, 5) if not self.quick else 1)
        results["write"].append(ours)
        results["write"].append(
            self.repeat("write", "Swift SummaryWriter.scalars (a step's 10 at once)", events,
                        self.eventbench_write(events, batch=True),
                        repetitions=max(self.repetitions, 5) if not self.quick else 1))
        for command_name, tool, module in [
            ("write-tensorboardx", "tensorboardX add_scalar", "tensorboardX"),
            ("write-tensorboard", "tensorboard.summary.Writer", "tensorboard"),
            ("write-tf-function", "tf.summary.scalar in tf.function", "tensorflow"),
        ]:
            if not importable(module):
                results["write"].append({"group": "write", "tool": tool, "skipped": f"{module} is not installed"})
                continue
            results["write"].append(self.repeat("write", tool, events, self.peer_write(command_name, events)))

        events = self.read_events
        log = self.log(events)
        note(f"read: {events:,} scalar events, {log_bytes(log) / 1e6:.0f} MB")
        results["read"].append(self.repeat("read", "Swift reader to points", events, self.eventbench_read(log, events),
                                           repetitions=max(self.repetitions, 5) if not self.quick else 1))
        results["read"].append(self.repeat("read", "eventdump scalars --format csv", events, self.eventdump_csv(log)))
        results["read"].append(
            self.repeat("read", "eventdump scalars --format csv --keep-all", events, self.eventdump_csv(log, "--keep-all"))
        )
        if SERVER:
            results["read"].append(self.repeat("read", "TensorBoard data server (Rust)", events, self.rustboard(log, False)))
            results["read"].append(
                self.repeat("read", "TensorBoard data server --checksum", events, self.rustboard(log, True))
            )
        else:
            results["read"].append({"group": "read", "tool": "TensorBoard data server", "skipped": "not installed"})
        for command_name, tool, module, size in [
            ("read-event-accumulator", "TensorBoard EventAccumulator", "tensorboard", events),
            ("read-tbparse", "tbparse SummaryReader", "tbparse", min(events, TBPARSE_EVENTS)),
        ]:
            if not importable(module):
                results["read"].append({"group": "read", "tool": tool, "skipped": f"{module} is not installed"})
                continue
            peer_log = self.log(size)
            results["read"].append(self.repeat("read", tool, size, self.peer_read(command_name, peer_log, size)))

        for factor in (1, 4, 16):
            events = self.write_events * factor
            note(f"scaling: write {events:,}")
            results["scaling"].append(
                self.repeat("scaling", f"Swift SummaryWriter x{factor}", events, self.eventbench_write(events))
            )
        for factor in (1, 4, 16):
            events = self.read_events * factor
            log = self.log(events)
            note(f"scaling: read {events:,}")
            results["scaling"].append(
                self.repeat("scaling", f"Swift reader to points x{factor}", events, self.eventbench_read(log, events))
            )
            results["scaling"].append(
                self.repeat("scaling", f"eventdump scalars --format csv x{factor}", events, self.eventdump_csv(log))
            )
        results["memory"].append(
            self.repeat("memory", "eventdump scalars --format csv", events, self.eventdump_csv(log), repetitions=1)
        )
        return results


def event_file(directory):
    (name,) = [name for name in os.listdir(directory) if "tfevents" in name]
    return os.path.join(directory, name)


def log_bytes(directory):
    return os.path.getsize(event_file(directory))


def importable(module):
    check = subprocess.run([PYTHON, "-c", f"import importlib.util, sys; sys.exit(importlib.util.find_spec('{module}') is None)"])
    return check.returncode == 0


def print_note(text):
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def megabytes(value):
    return f"{value / 1e6:,.0f}"


def table(rows, reference, header):
    lines = [header, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        if "skipped" in row:
            lines.append(f"| {row['tool']} | skipped: {row['skipped']} | | | | | | |")
            continue
        rate = row["events"] / row["seconds"]
        throughput = row["bytes"] / row["seconds"] / 1e6 if row["bytes"] else 0
        times_faster = (row["seconds"] / row["events"]) / (reference["seconds"] / reference["events"])
        lines.append(
            f"| {row['tool']} | {row['events']:,} | {row['runs']} | {row['seconds']:.3f} s | {rate / 1e6:,.3f} M "
            f"| {throughput:,.0f} | {megabytes(row['rss'])} MB | {times_faster:,.1f}× |"
        )
    return "\n".join(lines)


def report(results, bench):
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {cpu_model()}"
    print(f"# Benchmark ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine})\n")
    print("Medians of the runs shown; \"ours ×\" is how many times faster ours is than the row's tool (per event).\n")
    header = "| {} | events | runs | median time | events/s | MB/s | peak RSS | ours × |"
    write = results["write"]
    print("## Write\n")
    print(table(write, write[0], header.format("writer")))
    if write[0].get("ns_per_call"):
        print(f"\nOne `scalar(...)` call as the training loop sees it: {write[0]['ns_per_call']:.1f} ns (median); "
              f"a value through `scalars(...)`, ten a call: {write[1]['ns_per_call']:.1f} ns.")
    read = results["read"]
    print("\n## Read\n")
    print(table(read, read[0], header.format("reader")))
    print("\n## Scaling (ours: cost per event should not grow with size)\n")
    print("| run | events | median time | ns/event | vs 1× |")
    print("| --- | ---: | ---: | ---: | ---: |")
    base = {}
    for row in results["scaling"]:
        kind = row["tool"].rsplit(" x", 1)[0]
        per_event = row["seconds"] / row["events"] * 1e9
        base.setdefault(kind, per_event)
        print(f"| {row['tool']} | {row['events']:,} | {row['seconds']:.3f} s | {per_event:.1f} | {per_event / base[kind]:.2f} |")
    (memory,) = results["memory"]
    print("\n## Memory\n")
    print(
        f"`eventdump scalars --format csv` over a {memory['bytes'] / 1e9:.2f} GB log ({memory['events']:,} events): "
        f"peak resident memory {megabytes(memory['rss'])} MB."
    )


def cpu_model():
    try:
        with open("/proc/cpuinfo") as file:
            for line in file:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main():
    global SERVER
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True, help="directory of the release eventbench and eventdump")
    parser.add_argument("--quick", action="store_true", help="small sizes, one repetition")
    parser.add_argument("--repetitions", type=int, default=3, help="runs per measurement (ours: at least 5)")
    parser.add_argument("--json", help="write every sample and the summary to this file")
    arguments = parser.parse_args()
    try:
        import tensorboard_data_server

        SERVER = tensorboard_data_server.server_binary()
    except Exception:  # noqa: BLE001 - any failure means the server is not available
        SERVER = None
    bench = Bench(arguments)
    try:
        results = bench.run()
    finally:
        shutil.rmtree(bench.scratch, ignore_errors=True)
    report(results, bench)
    if arguments.json:
        with open(arguments.json, "w") as file:
            json.dump({"results": results, "samples": bench.samples}, file, indent=1)


if __name__ == "__main__":
    main()
