"""Checks a train-demo sweep, and a single train-demo run, with TensorBoard's own HParams plugin.

    .venv/bin/python scripts/check_sweep.py TRAIN_DEMO EVENTDUMP

Runs `TRAIN_DEMO --sweep --epochs 2` and `TRAIN_DEMO --epochs 2` into two temporary log directories, reads
each back with TensorBoard's Python loader (plugin_event_multiplexer), then starts `tensorboard --logdir` (its
Rust data server) on each and asks the HParams plugin over HTTP (POST /data/plugin/hparams/experiment and
/data/plugin/hparams/session_groups, as the dashboard does). The checks:

1. Layout (the loader): the sweep holds one experiment, in the sweep's own run, and no trial holds one; every
   trial directory under the sweep (each with `train` and `validation` runs) is a session; there are 3 x 2 of
   them (train-demo's documented sweep), named `<hparam>-<value>_seed-<n>`.
2. Experiment (HTTP): every hyperparameter the sessions hold is listed, with a discrete domain equal to the
   sorted distinct values the sessions hold and the type of those values; the metrics are those the
   experiment in the sweep's run holds, and each resolves, for every session, to a scalar series there.
3. Sessions (HTTP): one session group per trial, named after the trial's run, whose hyperparameters are the
   trial's session start's, whose status is success, and whose metric values are exactly the last point (step
   and value) of each metric's series as the loader reads it; none missing.
4. `eventdump hparams` of the sweep: one row per trial with the same hyperparameters, and each metric's final
   value equal to TensorBoard's.
5. The single run (not a sweep): its own experiment and session, listed by the plugin with its hyperparameters
   and every metric's value, as today.

Exits 0 when every check passes, 1 listing every problem.
"""

import csv
import io
import math
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_with_tensorboard import TensorBoardServer  # noqa: E402

EXPERIMENT_TAG = "_hparams_/experiment"
START_TAG = "_hparams_/session_start_info"
STATUSES = ["STATUS_UNKNOWN", "STATUS_SUCCESS", "STATUS_FAILURE", "STATUS_RUNNING"]


class Log:
    """A log directory as TensorBoard's Python loader reads it: hparams plugin data and scalar series per run."""

    def __init__(self, logdir):
        from tensorboard.backend.event_processing import plugin_event_accumulator as pea
        from tensorboard.backend.event_processing import plugin_event_multiplexer as pem
        from tensorboard.plugins.hparams import plugin_data_pb2
        from tensorboard.util import tensor_util

        mux = pem.EventMultiplexer(size_guidance=pea.STORE_EVERYTHING_SIZE_GUIDANCE, tensor_size_guidance={})
        mux.AddRunsFromDirectory(logdir)
        mux.Reload()
        self.runs = sorted(mux.Runs())
        self.hparams = {
            run: {tag: plugin_data_pb2.HParamsPluginData.FromString(content) for tag, content in tags.items()}
            for run, tags in mux.PluginRunToTagToContent("hparams").items()
        }
        self.scalars = {}  # (run, tag) -> [(step, value)]
        for run, tags in mux.PluginRunToTagToContent("scalars").items():
            for tag in tags:
                self.scalars[(run, tag)] = [(e.step, tensor_util.make_ndarray(e.tensor_proto).item())
                                            for e in mux.Tensors(run, tag)]

    def experiments(self):
        return {run: tags[EXPERIMENT_TAG].experiment for run, tags in self.hparams.items() if EXPERIMENT_TAG in tags}

    def sessions(self):
        """run -> {hparam name: Python value} of every run with a session start."""
        return {run: {name: value_of(value) for name, value in tags[START_TAG].session_start_info.hparams.items()}
                for run, tags in self.hparams.items() if START_TAG in tags}


def value_of(protobuf_value):
    return getattr(protobuf_value, protobuf_value.WhichOneof("kind"))


def metric_run(session, group):
    """The run of a session's metric, as tensorboard/plugins/hparams/metrics.py joins them."""
    run = os.path.join(session, group)
    return run[:-1] if run.endswith("/") else run


def sort_key(value):
    return (not isinstance(value, bool), value)


class Checks:
    def __init__(self):
        self.problems = []
        self.count = 0

    def check(self, condition, message):
        self.count += 1
        if not condition:
            self.problems.append(message)

    def equal(self, where, got, want):
        self.check(got == want, "%s: got %r, want %r" % (where, got, want))


def query(server, log, checks, where):
    """The plugin's experiment and session groups, once TensorBoard has loaded every scalar point."""
    deadline = time.monotonic() + 180
    while True:
        if server.process.poll() is not None:
            raise RuntimeError("tensorboard exited with status %s" % server.process.returncode)
        try:
            loaded = set(server.get_json("/data/runs")) >= set(log.runs) and all(
                len(server.get_json("/data/plugin/scalars/scalars", run=run, tag=tag)) == len(points)
                for (run, tag), points in log.scalars.items())
            if loaded:
                break
        except (OSError, ValueError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError("%s: tensorboard did not load the log directory within 180 s" % where)
        time.sleep(0.5)
    experiment = server.post_json("/data/plugin/hparams/experiment", {"experimentName": ""})
    groups = server.post_json("/data/plugin/hparams/session_groups", {
        "experimentName": "", "allowedStatuses": STATUSES, "colParams": [], "startIndex": 0, "sliceSize": 1000})
    return experiment, groups.get("sessionGroups", [])


def check_plugin(experiment, groups, log, checks, where, experiment_run):
    """Checks 2 and 3 (and 5): the plugin's answers against what the loader read, with the experiment written
    in `experiment_run`."""
    sessions = log.sessions()
    written = log.experiments().get(experiment_run)
    checks.check(written is not None, "%s: no experiment in run %s" % (where, experiment_run))
    # 2. Hyperparameters with the domains the sessions' values give.
    values = {}
    for hparams in sessions.values():
        for name, value in hparams.items():
            values.setdefault(name, set()).add(value)
    infos = {info["name"]: info for info in experiment.get("hparamInfos", [])}
    checks.equal("%s: experiment hparams" % where, sorted(infos), sorted(values))
    for name, seen in values.items():
        info = infos.get(name, {})
        kinds = {type(v) for v in seen}
        want_type = {bool: "DATA_TYPE_BOOL", str: "DATA_TYPE_STRING", float: "DATA_TYPE_FLOAT64"}.get(kinds.pop())
        checks.equal("%s: hparam %s type" % (where, name), info.get("type"), want_type)
        if written is not None and any(i.name == name and i.HasField("domain_discrete") for i in written.hparam_infos):
            checks.equal("%s: hparam %s domain" % (where, name), info.get("domainDiscrete"),
                         sorted(seen, key=sort_key))
    metrics = [(m["name"].get("group", ""), m["name"]["tag"]) for m in experiment.get("metricInfos", [])]
    if written is not None:
        checks.equal("%s: experiment metrics" % where, metrics,
                     [(m.name.group, m.name.tag) for m in written.metric_infos])
    checks.check(len(metrics) > 0, "%s: no metrics" % where)
    # 3. Every session, its hyperparameters, status and each metric's last value.
    listed = {s["name"]: (g, s) for g in groups for s in g.get("sessions", [])}
    checks.equal("%s: sessions" % where, sorted(listed), sorted(sessions))
    checks.equal("%s: session groups" % where, sorted(g["name"] for g in groups), sorted(sessions))
    for run, hparams in sessions.items():
        group, session = listed.get(run, ({}, {}))
        checks.equal("%s: %s hparams" % (where, run), group.get("hparams"), hparams)
        checks.equal("%s: %s status" % (where, run), session.get("status"), "STATUS_SUCCESS")
        got = {(v["name"].get("group", ""), v["name"]["tag"]): (v.get("trainingStep", 0), v["value"])
               for v in session.get("metricValues", [])}
        want = {}
        for group_name, tag in metrics:
            points = log.scalars.get((metric_run(run, group_name), tag))
            checks.check(bool(points), "%s: %s: no series for metric %s/%s" % (where, run, group_name, tag))
            if points:
                want[(group_name, tag)] = points[-1]
        checks.equal("%s: %s metric values" % (where, run), got, want)
    return sessions, listed


def check_sweep(train_demo, eventdump, scratch, checks):
    logdir = os.path.join(scratch, "sweep")
    subprocess.run([train_demo, "--sweep", "--epochs", "2", "--logdir", logdir, "--no-logs-summary"],
                   check=True, stdout=subprocess.DEVNULL)
    (sweep,) = os.listdir(logdir)
    log = Log(logdir)
    # 1. The layout.
    checks.equal("sweep: runs with an experiment", sorted(log.experiments()), [sweep])
    trials = sorted(d for d in os.listdir(os.path.join(logdir, sweep))
                    if os.path.isdir(os.path.join(logdir, sweep, d, "train")))
    checks.equal("sweep: sessions", sorted(log.sessions()), [sweep + "/" + t for t in trials])
    checks.equal("sweep: trials", len(trials), 3 * 2)
    for trial in trials:
        checks.check(re.fullmatch(r"[a-z_]+-[0-9.e+-]+_seed-\d+", trial), "sweep: trial name %r" % trial)
        for run in ("train", "validation"):
            checks.check("%s/%s/%s" % (sweep, trial, run) in log.runs, "sweep: %s has no %s run" % (trial, run))
    # 2, 3. TensorBoard's HParams plugin.
    server = TensorBoardServer(logdir)
    try:
        experiment, groups = query(server, log, checks, "sweep")
    finally:
        server.stop()
    sessions, listed = check_plugin(experiment, groups, log, checks, "sweep", sweep)
    # 4. eventdump hparams: the same trials, hyperparameters and final values.
    output = subprocess.run([eventdump, "hparams", os.path.join(logdir, sweep), "--format", "csv"],
                            check=True, capture_output=True, text=True).stdout
    rows = list(csv.DictReader(io.StringIO(output)))
    checks.equal("eventdump: rows", sorted(r["run"] for r in rows), trials)
    for row in rows:
        run = sweep + "/" + row["run"]
        for name, value in sessions.get(run, {}).items():
            checks.equal("eventdump: %s %s" % (row["run"], name), float(row.get(name, "nan")), value)
        for value in listed.get(run, ({}, {}))[1].get("metricValues", []):
            name = value["name"]
            column = (name["group"] + "/" if name.get("group") else "") + name["tag"] + " final"
            got = float(row.get(column) or "nan")
            checks.check(got == value["value"] or (math.isnan(got) and math.isnan(value["value"])),
                         "eventdump: %s %s: got %r, TensorBoard %r" % (row["run"], column, got, value["value"]))


def check_single_run(train_demo, scratch, checks):
    logdir = os.path.join(scratch, "single")
    subprocess.run([train_demo, "--epochs", "2", "--logdir", logdir, "--name", "one", "--no-logs-summary"],
                   check=True, stdout=subprocess.DEVNULL)
    log = Log(logdir)
    checks.equal("single run: runs with an experiment", sorted(log.experiments()), ["one"])
    checks.equal("single run: sessions", sorted(log.sessions()), ["one"])
    server = TensorBoardServer(logdir)
    try:
        experiment, groups = query(server, log, checks, "single run")
    finally:
        server.stop()
    check_plugin(experiment, groups, log, checks, "single run", "one")


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    train_demo, eventdump = (os.path.abspath(path) for path in argv)
    checks = Checks()
    with tempfile.TemporaryDirectory() as scratch:
        for check in (check_sweep, check_single_run):
            arguments = (train_demo, eventdump, scratch, checks) if check is check_sweep else (train_demo, scratch, checks)
            try:
                check(*arguments)
            except Exception as error:  # a check that cannot run is a failure, not a skip
                checks.problems.append("%s: could not run: %s: %s" % (check.__name__, type(error).__name__, error))
    print("check_sweep: %d checks against TensorBoard's HParams plugin" % checks.count)
    if checks.problems:
        print("\n%d problems:" % len(checks.problems))
        for problem in checks.problems:
            print("  " + problem)
        return 1
    print("TensorBoard's HParams plugin lists every trial with its hyperparameters and metric values.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
