"""One measurement of one peer, for scripts/bench.py: prints a JSON object with the time of the measured work.

    .venv/bin/python scripts/bench_peers.py write-tensorboardx EVENTS DIRECTORY
    .venv/bin/python scripts/bench_peers.py write-tensorboard EVENTS DIRECTORY
    .venv/bin/python scripts/bench_peers.py write-tf-function EVENTS DIRECTORY
    .venv/bin/python scripts/bench_peers.py read-event-accumulator PATH
    .venv/bin/python scripts/bench_peers.py read-tbparse PATH

The workload is eventbench's: EVENTS scalar events, 10 tags `tag0`..`tag9` cycling, the step going up by one
every 10 events, value index * 0.001. Writes are timed end to end (open, every call, close with its final
flush); reads from the start of loading to every point in memory. Imports are not timed (TensorFlow's take
seconds); scripts/bench.py measures the whole process too, with its peak resident memory.

TensorBoard's own Python code (its Writer, EventAccumulator, and tbparse, which reads through it) runs here
without TensorFlow, through the record reader and writer TensorBoard ships for installations without it, as
`pip install tensorboard` alone gives: measured on this machine, that path is 2 to 2.5 times faster than the
one through TensorFlow's file I/O, so it is the fair comparison.
"""

import json
import os
import sys
import time

TAGS = [f"tag{index}" for index in range(10)]


def without_tensorflow():
    """Makes TensorBoard use its TensorFlow-free stubs even when TensorFlow is installed (tensorboard.compat
    chooses the stubs when the module `tensorboard.compat.notf` can be imported)."""
    import types

    sys.modules["tensorboard.compat.notf"] = types.ModuleType("tensorboard.compat.notf")


def report(**fields):
    print(json.dumps(fields), flush=True)


def write_tensorboardx(events, directory):
    from tensorboardX import SummaryWriter

    start = time.monotonic()
    writer = SummaryWriter(directory)
    for index in range(events):
        writer.add_scalar(TAGS[index % 10], index * 0.001, index // 10)
    writer.close()
    return time.monotonic() - start


def write_tensorboard(events, directory):
    without_tensorflow()
    from tensorboard.summary import Writer

    start = time.monotonic()
    writer = Writer(directory)
    for index in range(events):
        writer.add_scalar(TAGS[index % 10], index * 0.001, index // 10)
    writer.close()
    return time.monotonic() - start


def write_tf_function(events, directory):
    import tensorflow as tf

    steps = events // 10

    @tf.function
    def write_all(count):
        for step in tf.range(count, dtype=tf.int64):
            for position, tag in enumerate(TAGS):
                value = tf.cast(step * 10 + position, tf.float32) * 0.001
                # The tags come out as "while/tag0", ...: the loop's name scope prefixes them.
                tf.summary.scalar(tag, value, step=step)

    start = time.monotonic()
    writer = tf.summary.create_file_writer(directory, max_queue=1000, flush_millis=10_000)
    with writer.as_default():
        write_all(tf.constant(steps, dtype=tf.int64))
    writer.close()
    return time.monotonic() - start


def read_event_accumulator(path):
    without_tensorflow()
    from tensorboard.backend.event_processing import event_accumulator

    start = time.monotonic()
    accumulator = event_accumulator.EventAccumulator(path, size_guidance={"tensors": 0, "scalars": 0})
    accumulator.Reload()
    tags = accumulator.Tags()
    points = sum(len(accumulator.Tensors(tag)) for tag in tags["tensors"])
    points += sum(len(accumulator.Scalars(tag)) for tag in tags["scalars"])
    return time.monotonic() - start, points


def read_tbparse(path):
    without_tensorflow()
    from tbparse import SummaryReader

    start = time.monotonic()
    frame = SummaryReader(path, event_types={"tensors"}).tensors
    return time.monotonic() - start, len(frame)


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__)
    command = argv[0]
    writers = {
        "write-tensorboardx": write_tensorboardx,
        "write-tensorboard": write_tensorboard,
        "write-tf-function": write_tf_function,
    }
    readers = {"read-event-accumulator": read_event_accumulator, "read-tbparse": read_tbparse}
    if command in writers and len(argv) == 3:
        events, directory = int(argv[1]), argv[2]
        seconds = writers[command](events, directory)
        size = sum(
            os.path.getsize(os.path.join(root, name)) for root, _, names in os.walk(directory) for name in names
        )
        report(events=events, seconds=seconds, bytes=size)
    elif command in readers and len(argv) == 2:
        seconds, points = readers[command](argv[1])
        report(events=points, seconds=seconds)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
