"""The object-storage benchmark: reading logs from a local S3 server beside reading them locally (scripts/bench s3).

    .venv-s3/bin/python scripts/bench_s3.py --bin DIR [--events N] [--runs K] [--repetitions R] [--json FILE]

Run in the environment `eval "$(scripts/ceph start DIR)"` sets (scripts/bench s3 starts and stops the cluster).
DIR holds the release builds of `eventbench` and `eventdump`. In a new bucket of the radosgw it uploads

  log   one event file of N scalar events (default 5,000,000) written by eventbench, cached outside the
        repository as scripts/bench.py caches it (~/.cache/tbevents-bench, or $TBEVENTS_BENCH_CACHE);
  runs  K runs (default 8) of N / K events each, for reading a log directory of many runs;

and measures, each in its own process, the median of R repetitions (a tool slower than a minute is run once):
our reader to points (eventbench read) and `eventdump scalars --format csv > /dev/null` on the local copy and
on s3://; TensorBoard's own S3 loader (its Python EventAccumulator, which reads s3:// through boto3 when
TensorFlow is not installed, pointed at the server by S3_ENDPOINT) on s3:// and on the local copy; and
Logdir.read of the K runs (eventbench runs: every core at once, against one run after another on one thread)
locally and from s3://. Prints a Markdown table with each time as a ratio to the local reference; --json
writes every sample. The bucket is deleted at the end.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import uuid

import boto3
import botocore.config

HERE = os.path.dirname(os.path.abspath(__file__))
SLOW_RUN_SECONDS = 60


def client():
    return boto3.client(
        "s3",
        endpoint_url=os.environ["AWS_ENDPOINT_URL_S3"],
        region_name=os.environ.get("AWS_REGION", "us-east-1"),
        config=botocore.config.Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )


def run(command, env=None):
    """Runs `command` with its output to /dev/null or captured; returns (seconds, stdout)."""
    start = time.monotonic()
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, check=False)
    seconds = time.monotonic() - start
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} exited {result.returncode}: {result.stderr.decode()[-2000:]}")
    return seconds, result.stdout


def json_lines(data):
    return [json.loads(line) for line in data.decode().splitlines() if line.startswith("{")]


class Bench:
    def __init__(self, arguments):
        self.bin = arguments.bin
        self.events = arguments.events
        self.runs = arguments.runs
        self.repetitions = arguments.repetitions
        self.cache = os.environ.get("TBEVENTS_BENCH_CACHE", os.path.expanduser("~/.cache/tbevents-bench"))
        self.s3 = client()
        self.bucket = "bench-" + uuid.uuid4().hex[:12]
        self.samples = []

    def measure(self, name, where, function):
        seconds = []
        for repetition in range(self.repetitions):
            value = function()
            seconds.append(value)
            self.samples.append({"benchmark": name, "where": where, "seconds": value})
            if value > SLOW_RUN_SECONDS:
                break
        return statistics.median(seconds)

    def generate(self, name, events, count=1):
        """A cached log directory of `count` runs of `events` scalar events each (one run: the directory)."""
        directory = os.path.join(self.cache, name)
        marker = os.path.join(directory, ".complete")
        if not os.path.exists(marker):
            os.makedirs(directory, exist_ok=True)
            print(f"generating {name} in {directory}", file=sys.stderr)
            for index in range(count):
                output = directory if count == 1 else os.path.join(directory, f"run-{index}")
                run([os.path.join(self.bin, "eventbench"), "generate", "--events", str(events), "--output", output])
            with open(marker, "w") as file:
                file.write(f"{events} x {count}\n")
        return directory

    def upload(self, directory, prefix):
        for root, _, names in os.walk(directory):
            for name in names:
                if name.startswith("."):
                    continue
                path = os.path.join(root, name)
                key = prefix + "/" + os.path.relpath(path, directory)
                self.s3.upload_file(path, self.bucket, key)
        return f"s3://{self.bucket}/{prefix}"

    def ours(self, path):
        def read():
            seconds, output = run([os.path.join(self.bin, "eventbench"), "read", "--input", path])
            (result,) = json_lines(output)
            if result["events"] != self.events:
                raise RuntimeError(f"eventbench read {path}: {result['events']} points, expected {self.events}")
            return result["seconds"]

        return read

    def eventdump(self, path):
        return lambda: run([os.path.join(self.bin, "eventdump"), "scalars", path, "--format", "csv"])[0]

    def accumulator(self, path):
        env = dict(os.environ, S3_ENDPOINT=os.environ["AWS_ENDPOINT_URL_S3"])
        env.pop("AWS_ENDPOINT_URL_S3", None)  # TensorBoard reads S3_ENDPOINT; boto3 would also take this one

        def read():
            _, output = run([sys.executable, os.path.join(HERE, "bench_peers.py"), "read-event-accumulator", path], env)
            (result,) = json_lines(output)
            if result["events"] != self.events:
                raise RuntimeError(f"EventAccumulator {path}: {result['events']} points, expected {self.events}")
            return result["seconds"]

        return read

    def logdir(self, path, one_by_one):
        def read():
            _, output = run([os.path.join(self.bin, "eventbench"), "runs", "--input", path])
            results = json_lines(output)
            wanted = [r for r in results if ("one run at a time" in r["tool"]) == one_by_one]
            if wanted[0]["events"] != self.events - self.events % self.runs:
                raise RuntimeError(f"eventbench runs {path}: {wanted[0]['events']} points")
            return wanted[0]["seconds"]

        return read

    def main(self):
        local = self.generate(f"scalars-{self.events}", self.events)
        many = self.generate(f"runs-{self.runs}x{self.events // self.runs}", self.events // self.runs, self.runs)
        self.s3.create_bucket(Bucket=self.bucket)
        try:
            remote = self.upload(local, "log")
            remote_many = self.upload(many, "runs")
            rows = []
            for name, function_of in [
                ("Swift reader to points (eventbench read)", self.ours),
                ("eventdump scalars --format csv", self.eventdump),
                ("TensorBoard's EventAccumulator (its S3 loader)", self.accumulator),
            ]:
                at_home = self.measure(name, "local", function_of(local))
                on_s3 = self.measure(name, "s3", function_of(remote))
                rows.append((name, at_home, on_s3))
            runs = []
            for where, path in [("local", many), ("s3", remote_many)]:
                parallel = self.measure("Logdir.read, every core", where, self.logdir(path, False))
                single = self.measure("Logdir.read, one run at a time", where, self.logdir(path, True))
                runs.append((where, single, parallel))
        finally:
            self.delete_bucket()
        self.report(rows, runs)

    def delete_bucket(self):
        paginator = self.s3.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket):
            for item in page.get("Contents", []):
                self.s3.delete_object(Bucket=self.bucket, Key=item["Key"])
        self.s3.delete_bucket(Bucket=self.bucket)

    def report(self, rows, runs):
        reference = rows[0][1]
        print(f"\n{self.events:,} scalar events, one file; the local radosgw at {os.environ['AWS_ENDPOINT_URL_S3']}\n")
        print("| Reader | local | s3:// | s3:// / local | s3:// speed vs TensorBoard's S3 loader |")
        print("| --- | --- | --- | --- | --- |")
        tensorboard_s3 = rows[-1][2]
        for name, at_home, on_s3 in rows:
            print(f"| {name} | {at_home:.3f} s | {on_s3:.3f} s | {on_s3 / at_home:.2f}x | {tensorboard_s3 / on_s3:.1f}x |")
        print(f"\n(our local reader: {reference:.3f} s)\n")
        print(f"{self.runs} runs of {self.events // self.runs:,} events, Logdir.read on {os.cpu_count()} cores\n")
        print("| Where | one run at a time | every core | speed-up |")
        print("| --- | --- | --- | --- |")
        for where, single, parallel in runs:
            print(f"| {where} | {single:.3f} s | {parallel:.3f} s | {single / parallel:.2f}x |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--events", type=int, default=5_000_000)
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--json")
    arguments = parser.parse_args()
    bench = Bench(arguments)
    bench.main()
    if arguments.json:
        with open(arguments.json, "w") as file:
            json.dump(bench.samples, file, indent=1)


if __name__ == "__main__":
    main()
