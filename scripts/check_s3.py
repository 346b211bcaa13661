"""Checks s3:// log directories end to end against a real S3 server (the Ceph cluster scripts/ceph starts).

    scripts/venv s3 >/dev/null
    eval "$(scripts/ceph start /tmp/c)"
    .venv-s3/bin/python scripts/check_s3.py BIN_DIR          # BIN_DIR holds train-demo and eventdump
    scripts/ceph stop /tmp/c

Reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_ENDPOINT_URL_S3 and AWS_REGION from the environment (what
scripts/ceph prints); train-demo and eventdump get the same environment. In a bucket of its own
(check-s3-<random>, made with boto3, path-style addressing) it checks:

1. Writing: `train-demo --epochs 3 --logdir s3://BUCKET/runs --name check --no-logs-summary` succeeds, and the
   bucket then holds event-file objects under runs/check/train/ and runs/check/validation/, named
   events.out.tfevents.<time>.<host>.<pid>.<n>.<10-digit segment>, each file's segments numbered 0, 1, ...
   without a gap; every segment is a complete TFRecord file (whole records, every masked CRC-32C right, nothing
   after the last record) and each file's first segment starts with a file_version event.
2. Reading against a copy: the whole bucket downloaded with boto3 into a temporary directory; then each of
   several eventdump commands (ls, scalars in long and wide CSV, summary, compare --analysis, hist, hparams,
   text, pr, images) run on s3://BUCKET/runs/check and on the copy prints the same standard output (with
   s3://BUCKET/runs and the copy's path swapped) and exits with the same status; a unified diff otherwise.
3. TensorBoard's own Python S3 loader (tensorboard.compat.tensorflow_stub's gfile, boto3 underneath, since
   TensorFlow is not installed; of its own variables it reads only S3_ENDPOINT, set to AWS_ENDPOINT_URL_S3,
   which is unset while it reads; boto3 takes the keys and AWS_DEFAULT_REGION, set to AWS_REGION, from the
   environment): an EventAccumulator (plugin_event_accumulator, everything kept) on
   s3://BUCKET/runs/check/train, .../validation and on
   s3://BUCKET/runs/check itself (run `.`) holds exactly the scalars (plugin `scalars`, rank-0 float tensors)
   that `eventdump scalars --format csv s3://BUCKET/runs/check` prints for that run: the same tags, and per tag
   the same (step, wall time, value) in the same order, values bit for bit (the demo writes Keras-style
   float32 scalar tensors, which eventdump prints widened to doubles; a one-ulp difference fails).
4. A missing bucket: `eventdump scalars s3://no-such-bucket-<random>/x` exits with status 1 or more (not a
   signal, no crash report) and says on standard error that the bucket, named, does not exist (not a local
   file system error, which would mean the s3:// location was taken for a path).

At the end, even after a failure, every object of the bucket and the bucket are deleted (and checked gone).

Self-test while train-demo and eventdump cannot write or read s3:// yet:

    .venv-s3/bin/python scripts/check_s3.py BIN_DIR --upload-local LOGDIR [--without-s3-binaries]

--upload-local LOGDIR replaces step 1's train-demo run by an upload of LOGDIR (a local train-demo --logdir, with
a run `check`) to s3://BUCKET/runs/, as our writer will lay it out: each event file split at record boundaries
into --segments (3) complete segments named <name without .v2>.0000000000, .0000000001, ...; other files as
they are. --without-s3-binaries also skips everything that runs our binaries on an s3:// location: step 2 then
compares eventdump on the downloaded copy with eventdump on LOGDIR (ls aside, which names the files), step 3
takes its eventdump scalars from the copy, and step 4 is skipped.

Prints one line per check, then the count; exits 0 when every check passed, 1 otherwise, 2 for usage errors.
"""

import argparse
import csv
import difflib
import io
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import uuid

import boto3
import botocore.config
import botocore.exceptions

ENVIRONMENT = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL_S3", "AWS_REGION")
PREFIX = "runs"
RUN = "check"
# Our segment names: the local file's name (with the ".v2" suffix Keras's callback and our logger use), then "."
# and a 10-digit segment number.
SEGMENT = re.compile(r"^(?P<stem>events\.out\.tfevents\.\d+\.[^/]+\.\d+\.\d+(?:\.v2)?)\.(?P<segment>\d{10})$")
# eventdump commands whose standard output must not depend on where the log is; "ls" names the files.
COMMANDS = [
    ["ls"],
    ["scalars", "--format", "csv"],
    ["scalars", "--wide", "--format", "csv"],
    ["summary", "--format", "text"],
    ["compare", "--analysis", "--format", "text"],
    ["hist", "--format", "csv"],
    ["hparams", "--format", "csv"],
    ["text", "--format", "csv"],
    ["pr", "--format", "csv"],
    ["images", "--format", "csv"],
]
TIMEOUT = 600


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = []
        self.skipped = []

    def __call__(self, condition, what, detail=None):
        print(("ok    " if condition else "FAIL  ") + what, flush=True)
        if condition:
            self.passed += 1
        else:
            if detail:
                print(detail.rstrip("\n"), flush=True)
            self.failed.append(what)
        return condition

    def skip(self, what):
        print("skip  " + what, flush=True)
        self.skipped.append(what)


def s3_client():
    return boto3.client(
        "s3",
        endpoint_url=os.environ["AWS_ENDPOINT_URL_S3"],
        region_name=os.environ["AWS_REGION"],
        config=botocore.config.Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )


def run(argv, **kwargs):
    return subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT, **kwargs)


def keys_of(s3, bucket, prefix=""):
    """Every (key, size) of the bucket under prefix, in key order."""
    found = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        found.extend((item["Key"], item["Size"]) for item in page.get("Contents", []))
    return sorted(found)


# --- TFRecord framing -------------------------------------------------------------------------------------


def records(data):
    """The records of a TFRecord file as a list of bytes; raises ValueError on damage or a partial record."""
    from tensorboard.compat.tensorflow_stub.pywrap_tensorflow import masked_crc32c

    out, offset = [], 0
    while offset < len(data):
        if len(data) - offset < 12:
            raise ValueError("partial record header at offset %d" % offset)
        header = data[offset : offset + 8]
        (length,) = struct.unpack("<Q", header)
        (header_crc,) = struct.unpack("<I", data[offset + 8 : offset + 12])
        if masked_crc32c(header) != header_crc:
            raise ValueError("bad length CRC at offset %d" % offset)
        end = offset + 12 + length + 4
        if end > len(data):
            raise ValueError("partial record at offset %d (%d bytes, %d left)" % (offset, length, len(data) - offset))
        body = data[offset + 12 : offset + 12 + length]
        (body_crc,) = struct.unpack("<I", data[end - 4 : end])
        if masked_crc32c(body) != body_crc:
            raise ValueError("bad data CRC of the record at offset %d" % offset)
        out.append(data[offset:end])
        offset = end
    return out


def split_into_segments(data, count):
    """data's records in count (or fewer, if it has fewer records) consecutive groups, as bytes."""
    whole = records(data)
    count = max(1, min(count, len(whole)))
    cuts = [round(i * len(whole) / count) for i in range(count + 1)]
    return [b"".join(whole[cuts[i] : cuts[i + 1]]) for i in range(count)]


# --- step 1: the log in the bucket ------------------------------------------------------------------------


def write_with_train_demo(bin_dir, bucket, scratch, checks):
    argv = [os.path.join(bin_dir, "train-demo"), "--epochs", "3", "--logdir", "s3://%s/%s" % (bucket, PREFIX),
            "--name", RUN, "--no-logs-summary"]
    # In a directory of its own: a train-demo that took s3:// for a path would write ./s3:/... there.
    workdir = os.path.join(scratch, "train-demo")
    os.makedirs(workdir)
    result = run(argv, cwd=workdir)
    checks(result.returncode == 0, "train-demo --logdir s3://%s/%s --name %s exits 0" % (bucket, PREFIX, RUN),
           "exit status %d; stderr:\n%s" % (result.returncode, result.stderr[-4000:]))


def upload_local(s3, bucket, logdir, segments, checks):
    """Uploads logdir to s3://bucket/PREFIX/ as our writer lays a log out: event files as numbered segments."""
    uploaded = 0
    for directory, _, files in os.walk(logdir):
        for name in sorted(files):
            path = os.path.join(directory, name)
            key = PREFIX + "/" + os.path.relpath(path, logdir).replace(os.sep, "/")
            with open(path, "rb") as f:
                data = f.read()
            if ".tfevents." in name:
                stem = key[: -len(".v2")] if key.endswith(".v2") else key
                for number, part in enumerate(split_into_segments(data, segments)):
                    s3.put_object(Bucket=bucket, Key="%s.%010d" % (stem, number), Body=part)
                    uploaded += 1
            else:
                s3.put_object(Bucket=bucket, Key=key, Body=data)
                uploaded += 1
    checks(uploaded > 0,
           "uploaded %s to s3://%s/%s/ as %d objects (--upload-local)" % (logdir, bucket, PREFIX, uploaded))


def check_layout(s3, bucket, checks):
    """Check 1's listing: event-file segments in train/ and validation/, numbered without gaps, complete."""
    from tensorboard.compat.proto import event_pb2

    listing = keys_of(s3, bucket)
    print("      the bucket holds %d objects, %d bytes" % (len(listing), sum(size for _, size in listing)))
    base = "%s/%s/" % (PREFIX, RUN)
    found = True
    for run_name in ("train", "validation"):
        names = [key[len(base + run_name) + 1 :] for key, _ in listing if key.startswith(base + run_name + "/")]
        events = [name for name in names if "/" not in name and ".tfevents." in name]
        found = checks(events, "event-file objects under %s%s/ (%d)" % (base, run_name, len(events))) and found
    files = {}
    for key, _ in listing:
        directory, _, name = key.rpartition("/")
        if ".tfevents." not in name:
            continue
        match = SEGMENT.match(name)
        checks(match is not None, "%s is named <events.out.tfevents.time.host.pid.n[.v2]>.<10-digit segment>" % key)
        if match:
            files.setdefault(directory + "/" + match["stem"], []).append(int(match["segment"]))
    for stem, numbers in sorted(files.items()):
        checks(numbers == list(range(len(numbers))), "%s: segments %s are 0..%d" % (stem, numbers, len(numbers) - 1))
        for number in numbers:
            key = "%s.%010d" % (stem, number)
            data = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
            try:
                whole = records(data)
                problem = None if whole else "no record"
            except ValueError as error:
                whole, problem = [], str(error)
            checks(problem is None, "%s: a complete TFRecord file (%d records)" % (key, len(whole)), problem)
            if number == 0 and whole:
                first = event_pb2.Event.FromString(whole[0][12:-4])
                checks(first.file_version.startswith("brain.Event:"),
                       "%s starts with a file_version event (%r)" % (key, first.file_version))
    return listing, found


# --- step 2: eventdump on S3 and on a downloaded copy -----------------------------------------------------


def download(s3, bucket, listing, into, checks):
    wrong = []
    objects = [(key, size) for key, size in listing if not key.endswith("/")]  # no "directory" markers
    for key, size in objects:
        path = os.path.join(into, *key.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        s3.download_file(bucket, key, path)
        if os.path.getsize(path) != size:
            wrong.append("%s: %d bytes, listed with %d" % (key, os.path.getsize(path), size))
    checks(not wrong, "downloaded the bucket's %d objects into %s, each of its listed size" % (len(objects), into),
           "\n".join(wrong))


def eventdump(bin_dir, location, command):
    # The location goes first, as every command's usage has it (<logdir> [options]). In / so that nothing
    # relative to the working directory is read.
    return run([os.path.join(bin_dir, "eventdump"), command[0], location] + command[1:], cwd="/")


def compare_outputs(bin_dir, a_location, a_prefix, b_location, b_prefix, commands, checks, what):
    """Each command on a and on b: the same status and stdout once b_prefix is written as a_prefix."""
    for command in commands:
        a = eventdump(bin_dir, a_location, command)
        b = eventdump(bin_dir, b_location, command)
        b_out = b.stdout.replace(b_prefix, a_prefix)
        name = "eventdump " + " ".join(command)
        ok = a.returncode == b.returncode and a.stdout == b_out
        detail = None
        if not ok:
            diff = difflib.unified_diff(a.stdout.splitlines(True), b_out.splitlines(True), a_location, b_location, n=2)
            detail = "exit status %d and %d\n%s\nstderr of the first:\n%s\nstderr of the second:\n%s" % (
                a.returncode, b.returncode, "".join(list(diff)[:200]), a.stderr[-2000:], b.stderr[-2000:])
        checks(ok and a.returncode == 0 and a.stdout.strip() != "",
               "%s: %s (%d lines, status %d) %s" % (name, a_location, a.stdout.count("\n"), a.returncode, what), detail)


# --- step 3: TensorBoard's own S3 loader ------------------------------------------------------------------


def value_key(value):
    return "nan" if math.isnan(value) else value


def eventdump_scalars(text):
    """run -> tag -> [(step, wall_time, value)] from `eventdump scalars --format csv`."""
    out = {}
    for row in csv.DictReader(io.StringIO(text)):
        out.setdefault(row["run"], {}).setdefault(row["tag"], []).append(
            (int(row["step"]), float(row["wall_time"]), value_key(float(row["value"]))))
    return out


def tensorboard_scalars(location):
    """tag -> [(step, wall_time, value)] of one run as TensorBoard's Python loader reads it from location."""
    from tensorboard.backend.event_processing import plugin_event_accumulator as pea
    from tensorboard.util import tensor_util

    accumulator = pea.EventAccumulator(location, size_guidance=pea.STORE_EVERYTHING_SIZE_GUIDANCE,
                                       tensor_size_guidance={})
    accumulator.Reload()
    out = {}
    for tag in accumulator.Tags()[pea.TENSORS]:
        if accumulator.SummaryMetadata(tag).plugin_data.plugin_name != "scalars":
            continue
        points = []
        for event in accumulator.Tensors(tag):
            array = tensor_util.make_ndarray(event.tensor_proto)
            if array.shape == () and array.dtype.kind == "f":
                points.append((event.step, event.wall_time, value_key(float(array.item()))))
        if points:
            out[tag] = points
    return out


def configure_tensorboard():
    """The environment TensorBoard's S3 filesystem reads; before tensorboard is imported (it reads S3_ENDPOINT once)."""
    os.environ["S3_ENDPOINT"] = os.environ["AWS_ENDPOINT_URL_S3"]
    os.environ.setdefault("AWS_DEFAULT_REGION", os.environ["AWS_REGION"])


def check_tensorboard(bucket, ours_text, checks):
    from tensorboard.compat.tensorflow_stub.io import gfile

    endpoint = gfile.get_filesystem("s3://%s/" % bucket)._s3_endpoint
    checks(endpoint == os.environ["AWS_ENDPOINT_URL_S3"], "TensorBoard's S3 filesystem uses S3_ENDPOINT %s" % endpoint)
    ours = eventdump_scalars(ours_text)
    checks(set(ours) >= {"train", "validation"}, "eventdump scalars lists runs %s" % sorted(ours))
    for run_name in sorted(set(ours) | {"train", "validation"}):
        location = "s3://%s/%s/%s" % (bucket, PREFIX, RUN) + ("" if run_name == "." else "/" + run_name)
        # As a TensorBoard user configures it: S3_ENDPOINT only (botocore would also read AWS_ENDPOINT_URL_S3).
        saved = os.environ.pop("AWS_ENDPOINT_URL_S3")
        try:
            theirs = tensorboard_scalars(location)
        finally:
            os.environ["AWS_ENDPOINT_URL_S3"] = saved
        mine = ours.get(run_name, {})
        points = sum(len(p) for p in theirs.values())
        checks(points > 0,
               "TensorBoard's S3 loader reads %d scalar points of %d tags from %s" % (points, len(theirs), location))
        checks(sorted(theirs) == sorted(mine), "%s: the same scalar tags" % location,
               "TensorBoard: %s\neventdump:   %s" % (sorted(theirs), sorted(mine)))
        for tag in sorted(set(theirs) & set(mine)):
            if theirs[tag] != mine[tag]:
                first = next(i for i, (a, b) in enumerate(zip(theirs[tag] + [None], mine[tag] + [None])) if a != b)
                detail = "%d and %d points; first difference at point %d: TensorBoard %s, eventdump %s" % (
                    len(theirs[tag]), len(mine[tag]), first, (theirs[tag] + [None])[first], (mine[tag] + [None])[first])
                checks(False, "%s/%s: (step, wall time, value) point for point" % (run_name, tag), detail)
        same = [tag for tag in set(theirs) & set(mine) if theirs[tag] == mine[tag]]
        checks(same and len(same) == len(set(theirs) | set(mine)),
               "%s: %d tags equal eventdump's point for point, bit for bit" % (location, len(same)))


# --- step 4: a missing bucket -----------------------------------------------------------------------------


def check_missing_bucket(bin_dir, checks):
    missing = "no-such-bucket-" + uuid.uuid4().hex[:12]
    result = eventdump(bin_dir, "s3://%s/x" % missing, ["scalars"])
    checks(result.returncode >= 1,
           "eventdump scalars s3://%s/x exits with status >= 1 (got %d)" % (missing, result.returncode),
           result.stderr[-2000:])
    checks(missing in result.stderr, "its error names the bucket", "stderr:\n" + result.stderr[-2000:])
    says = re.search(r"no such bucket|nosuchbucket|does not exist", result.stderr, re.IGNORECASE)
    local = "errno" in result.stderr  # what a local path's error says: s3:// was taken for a file name
    checks(says and not local, "it says the bucket does not exist (S3's answer, not a local file error)",
           "stderr:\n" + result.stderr[-2000:])
    crashed = any(word in result.stderr for word in ("Fatal error", "Stack dump", "Segmentation", "Crash"))
    checks(not crashed, "it does not crash", result.stderr[-2000:])


# --- cleanup ----------------------------------------------------------------------------------------------


def delete_bucket(s3, bucket, checks):
    try:
        s3.head_bucket(Bucket=bucket)
    except botocore.exceptions.ClientError:
        return  # never made
    while True:
        listing = keys_of(s3, bucket)
        if not listing:
            break
        for start in range(0, len(listing), 1000):
            batch = [{"Key": key} for key, _ in listing[start : start + 1000]]
            s3.delete_objects(Bucket=bucket, Delete={"Objects": batch, "Quiet": True})
    s3.delete_bucket(Bucket=bucket)
    gone = bucket not in [b["Name"] for b in s3.list_buckets()["Buckets"]]
    checks(gone, "bucket %s and its objects deleted" % bucket)


# --- the whole check -----------------------------------------------------------------------------------


def read_back(s3, bucket, listing, bin_dir, scratch, args, checks):
    """Steps 2 and 3: eventdump on S3 and on a downloaded copy, and TensorBoard's S3 loader."""
    copy = os.path.join(scratch, "copy")
    download(s3, bucket, listing, copy, checks)
    remote = "s3://%s/%s" % (bucket, PREFIX)
    local = os.path.join(copy, PREFIX)
    if args.without_s3_binaries:
        checks.skip("eventdump on s3://%s/%s/%s (--without-s3-binaries); the copy against LOGDIR instead"
                    % (bucket, PREFIX, RUN))
        source = os.path.abspath(args.upload_local)
        compare_outputs(bin_dir, os.path.join(local, RUN), local, os.path.join(source, RUN), source,
                        [c for c in COMMANDS if c[0] != "ls"], checks, "equals LOGDIR's")
        scalars = eventdump(bin_dir, os.path.join(local, RUN), ["scalars", "--format", "csv"])
    else:
        compare_outputs(bin_dir, remote + "/" + RUN, remote, local + "/" + RUN, local, COMMANDS, checks,
                        "equals the copy's")
        scalars = eventdump(bin_dir, remote + "/" + RUN, ["scalars", "--format", "csv"])
    checks(scalars.returncode == 0, "eventdump scalars --format csv for TensorBoard's comparison exits 0",
           scalars.stderr[-2000:])

    # 3. TensorBoard's own S3 loader
    check_tensorboard(bucket, scalars.stdout, checks)


def main():
    parser = argparse.ArgumentParser(description="s3:// log directories against a real S3 server.")
    parser.add_argument("bin_dir", help="the directory holding train-demo and eventdump (.build/debug)")
    parser.add_argument("--upload-local", metavar="LOGDIR", help="upload LOGDIR instead of running train-demo")
    parser.add_argument("--segments", type=int, default=3, help="segments per event file with --upload-local")
    parser.add_argument("--without-s3-binaries", action="store_true",
                        help="with --upload-local: never give our binaries an s3:// location")
    args = parser.parse_args()
    if args.without_s3_binaries and not args.upload_local:
        parser.error("--without-s3-binaries needs --upload-local")
    for name in ENVIRONMENT:
        if not os.environ.get(name):
            print('check_s3.py: %s is not set; run eval "$(scripts/ceph start DIR)" first' % name, file=sys.stderr)
            return 2
    for tool in ("train-demo", "eventdump"):
        if not os.access(os.path.join(args.bin_dir, tool), os.X_OK):
            print("check_s3.py: no %s in %s" % (tool, args.bin_dir), file=sys.stderr)
            return 2
    bin_dir = os.path.abspath(args.bin_dir)
    configure_tensorboard()

    checks = Checks()
    s3 = s3_client()
    bucket = "check-s3-" + uuid.uuid4().hex[:12]
    scratch = tempfile.mkdtemp(prefix="check-s3-")
    try:
        s3.create_bucket(Bucket=bucket)
        checks(True, "created bucket %s on %s" % (bucket, os.environ["AWS_ENDPOINT_URL_S3"]))

        # 1. the log in the bucket
        if args.upload_local:
            upload_local(s3, bucket, os.path.abspath(args.upload_local), args.segments, checks)
        else:
            write_with_train_demo(bin_dir, bucket, scratch, checks)
        listing, found = check_layout(s3, bucket, checks)
        if not found:
            checks.skip("reading the log (steps 2 and 3): no log was written")
        else:
            read_back(s3, bucket, listing, bin_dir, scratch, args, checks)

        # 4. a missing bucket
        if args.without_s3_binaries:
            checks.skip("eventdump on a missing bucket (--without-s3-binaries)")
        else:
            check_missing_bucket(bin_dir, checks)
    except Exception as error:  # a failure of the check itself: reported as a failed check, then cleaned up
        import traceback

        checks(False, "check_s3.py ran to the end: %s: %s" % (type(error).__name__, error), traceback.format_exc())
    finally:
        try:
            delete_bucket(s3, bucket, checks)
        except Exception as error:
            checks(False, "deleting bucket %s: %s: %s" % (bucket, type(error).__name__, error))
        shutil.rmtree(scratch, ignore_errors=True)

    total = checks.passed + len(checks.failed)
    skipped = " (%d skipped)" % len(checks.skipped) if checks.skipped else ""
    if checks.failed:
        failed = "; ".join(checks.failed)
        print("check_s3.py: %d of %d checks failed%s: %s" % (len(checks.failed), total, skipped, failed))
        return 1
    print("check_s3.py: all %d checks passed%s" % (total, skipped))
    return 0


if __name__ == "__main__":
    sys.exit(main())
