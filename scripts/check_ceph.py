"""Smoke test of the S3 server that scripts/ceph starts, with boto3 (pinned in scripts/requirements-s3.txt).

    scripts/venv s3 >/dev/null
    eval "$(scripts/ceph start /tmp/c)"; .venv-s3/bin/python scripts/check_ceph.py; scripts/ceph stop /tmp/c

Reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_ENDPOINT_URL_S3 and AWS_REGION from the environment
(the lines scripts/ceph prints and writes to DIR/env). Creates a bucket, puts an object of random bytes,
lists it, gets a byte range of it, then deletes the object and the bucket and checks both are gone. Every
request is signed with SigV4, which radosgw verifies; a wrong key must be refused.

Exits 0 when every step behaves as S3 specifies, 1 with the failing step printed otherwise.
"""

import os
import sys
import uuid

import boto3
import botocore.config
import botocore.exceptions


def client(secret=None):
    return boto3.client(
        "s3",
        endpoint_url=os.environ["AWS_ENDPOINT_URL_S3"],
        region_name=os.environ["AWS_REGION"],
        aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=secret or os.environ["AWS_SECRET_ACCESS_KEY"],
        config=botocore.config.Config(
            signature_version="s3v4", s3={"addressing_style": "path"}, retries={"max_attempts": 1}
        ),
    )


def error_code(call):
    try:
        call()
    except botocore.exceptions.ClientError as error:
        return error.response["Error"]["Code"]
    return None


def main():
    failures = []

    def check(condition, what):
        print(("ok    " if condition else "FAIL  ") + what)
        if not condition:
            failures.append(what)

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL_S3", "AWS_REGION"):
        if not os.environ.get(name):
            print(f"check_ceph.py: {name} is not set; run eval \"$(scripts/ceph start DIR)\" first")
            return 1

    s3 = client()
    bucket = f"check-ceph-{uuid.uuid4().hex[:12]}"
    key = "runs/a/events.out.tfevents.1.host"
    body = os.urandom(3 * 1024 * 1024 + 17)

    s3.create_bucket(Bucket=bucket)
    check(bucket in [b["Name"] for b in s3.list_buckets()["Buckets"]], f"bucket {bucket} listed")

    s3.put_object(Bucket=bucket, Key=key, Body=body)
    listed = s3.list_objects_v2(Bucket=bucket, Prefix="runs/").get("Contents", [])
    check([(o["Key"], o["Size"]) for o in listed] == [(key, len(body))], "object listed with its size")

    whole = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    check(whole == body, "whole object reads back byte for byte")

    start, end = 1_000_000, 2_500_000
    part = s3.get_object(Bucket=bucket, Key=key, Range=f"bytes={start}-{end}")
    check(part["ResponseMetadata"]["HTTPStatusCode"] == 206, "range GET answers 206 Partial Content")
    check(part["ContentRange"] == f"bytes {start}-{end}/{len(body)}", "range GET's Content-Range")
    check(part["Body"].read() == body[start : end + 1], "range GET returns exactly those bytes")

    tail = s3.get_object(Bucket=bucket, Key=key, Range="bytes=-100")["Body"].read()
    check(tail == body[-100:], "suffix range GET returns the last 100 bytes")

    check(
        error_code(lambda: s3.get_object(Bucket=bucket, Key=key, Range=f"bytes={len(body)}-"))
        == "InvalidRange",
        "range past the end is refused with InvalidRange",
    )

    wrong = client(secret="0" * 40)
    check(
        error_code(lambda: wrong.get_object(Bucket=bucket, Key=key)) == "SignatureDoesNotMatch",
        "a request signed with a wrong secret is refused (SignatureDoesNotMatch)",
    )

    s3.delete_object(Bucket=bucket, Key=key)
    check(s3.list_objects_v2(Bucket=bucket).get("KeyCount") == 0, "object gone after delete")
    check(error_code(lambda: s3.head_object(Bucket=bucket, Key=key)) == "404", "HEAD of deleted object is 404")

    s3.delete_bucket(Bucket=bucket)
    check(bucket not in [b["Name"] for b in s3.list_buckets()["Buckets"]], "bucket gone after delete")

    if failures:
        print(f"check_ceph.py: {len(failures)} check(s) failed: " + "; ".join(failures))
        return 1
    print("check_ceph.py: every check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
