"""Record how boto3 resolves S3 configuration and signs, for the Swift resolver's tests.

    scripts/venv s3 >/dev/null       # boto3 (scripts/requirements-s3.txt) in .venv-s3
    .venv-s3/bin/python scripts/make_aws_config_fixtures.py     # writes fixtures/aws-config/cases.json

Each case is a set of environment variables and shared files (~/.aws/credentials, ~/.aws/config or files
elsewhere under HOME) and an s3:// location. A child process gets exactly that environment (HOME a fresh
temporary directory holding the files, AWS_EC2_METADATA_DISABLED so that no instance metadata is asked for), makes
a client as TensorBoard's S3FileSystem does (boto3.client("s3", endpoint_url=os.environ.get("S3_ENDPOINT"))), and
sends one request, GetObject for a key or ListObjectsV2 with a "/" delimiter for a prefix ending in "/" (or the
bucket's root), caught before it leaves the machine, with botocore's clock set to 2013-05-24T00:00:00Z. It records
the resolved credentials and region, the request's URL, its signed headers and Authorization, or the exception
botocore raised. Paths and values holding the temporary HOME are written with "$HOME" in its place.
"""

import json
import os
import pathlib
import subprocess
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parent.parent
OUT = REPO / "fixtures" / "aws-config" / "cases.json"

KEYS = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}
CEPH_CREDENTIALS = "[ceph]\naws_access_key_id = CEPHKEYID0000000\naws_secret_access_key = cephsecret/0000+0000\n"
DEFAULT_CREDENTIALS = "[default]\naws_access_key_id = AKIDDEFAULT00000\naws_secret_access_key = defaultsecret0000\n"

# name, environment, files (path under HOME: text), location
CASES = [
    ("environment keys and region", {**KEYS, "AWS_DEFAULT_REGION": "eu-west-1"}, {},
     "s3://my-logs/runs/exp1/events.out.tfevents.1700000000.host.1.0"),
    ("environment session token", {**KEYS, "AWS_SESSION_TOKEN": "FQoGZXIvYXdzEXAMPLE//token+==", "AWS_DEFAULT_REGION": "us-west-2"},
     {}, "s3://my-logs/runs/"),
    ("environment keys beat the credentials file", {**KEYS}, {".aws/credentials": DEFAULT_CREDENTIALS},
     "s3://my-logs/a"),
    ("default profile from the credentials file, no region", {}, {".aws/credentials": DEFAULT_CREDENTIALS},
     "s3://my-logs/runs/exp1/"),
    ("region from the config file's default profile", {},
     {".aws/credentials": DEFAULT_CREDENTIALS, ".aws/config": "[default]\nregion = ap-southeast-2\n"},
     "s3://my-logs/x/y.txt"),
    ("region from [profile default]", {},
     {".aws/credentials": DEFAULT_CREDENTIALS, ".aws/config": "[profile default]\nregion = eu-central-1\n"},
     "s3://my-logs/x"),
    ("AWS_DEFAULT_REGION beats the config file", {"AWS_DEFAULT_REGION": "sa-east-1"},
     {".aws/credentials": DEFAULT_CREDENTIALS, ".aws/config": "[default]\nregion = eu-central-1\n"},
     "s3://my-logs/x"),
    ("named profile with a custom endpoint", {"AWS_PROFILE": "ceph"},
     {".aws/credentials": CEPH_CREDENTIALS,
      ".aws/config": "[profile ceph]\nregion = default\nendpoint_url = http://127.0.0.1:8000\n"},
     "s3://tb-logs/runs/exp 1/events+1"),
    ("services section endpoint", {"AWS_PROFILE": "ceph"},
     {".aws/credentials": CEPH_CREDENTIALS,
      ".aws/config": "[profile ceph]\nservices = local-ceph\n\n[services local-ceph]\ns3 =\n  endpoint_url = http://rgw.local:7480\n"},
     "s3://tb-logs/"),
    ("services section beats the profile's endpoint_url", {"AWS_PROFILE": "ceph"},
     {".aws/credentials": CEPH_CREDENTIALS,
      ".aws/config": "[profile ceph]\nendpoint_url = http://profile.example:1\nservices = s\n[services s]\ns3 =\n  endpoint_url = https://services.example:8443\n"},
     "s3://tb-logs/k"),
    ("AWS_ENDPOINT_URL beats the config file", {"AWS_PROFILE": "ceph", "AWS_ENDPOINT_URL": "http://global.example:9000"},
     {".aws/credentials": CEPH_CREDENTIALS, ".aws/config": "[profile ceph]\nendpoint_url = http://profile.example:1\n"},
     "s3://tb-logs/k"),
    ("AWS_ENDPOINT_URL_S3 beats AWS_ENDPOINT_URL",
     {**KEYS, "AWS_ENDPOINT_URL": "http://global.example:9000", "AWS_ENDPOINT_URL_S3": "https://s3only.example"},
     {}, "s3://tb-logs/k"),
    ("S3_ENDPOINT beats every configured endpoint",
     {**KEYS, "S3_ENDPOINT": "http://localhost:9000", "AWS_ENDPOINT_URL_S3": "https://s3only.example"},
     {}, "s3://tb-logs/runs/"),
    ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", {**KEYS, "AWS_ENDPOINT_URL": "http://global.example:9000",
                                             "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_DEFAULT_REGION": "eu-west-3"},
     {}, "s3://tb-logs/k"),
    ("ignore_configured_endpoint_urls in the profile", {"AWS_PROFILE": "ceph"},
     {".aws/credentials": CEPH_CREDENTIALS,
      ".aws/config": "[profile ceph]\nendpoint_url = http://profile.example:1\nignore_configured_endpoint_urls = TRUE\n"},
     "s3://tb-logs/k"),
    ("S3_ENDPOINT is not ignored", {**KEYS, "S3_ENDPOINT": "https://gateway.example:8443/",
                                    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"}, {}, "s3://tb-logs/k"),
    ("default https port left out of Host", {**KEYS, "AWS_ENDPOINT_URL_S3": "https://rgw.example.org:443"}, {},
     "s3://tb-logs/k"),
    ("IPv6 endpoint", {**KEYS, "AWS_ENDPOINT_URL_S3": "http://[::1]:7480"}, {}, "s3://tb-logs/k"),
    ("keys only in the config file, region in both files", {"AWS_PROFILE": "ceph"},
     {".aws/credentials": "[ceph]\nregion = eu-west-2\n",
      ".aws/config": "[profile ceph]\naws_access_key_id = CONFIGKEY0000000\naws_secret_access_key = configsecret\n"
                     "aws_session_token = configtoken\nregion = eu-north-1\n"},
     "s3://my-logs/k"),
    ("credentials file beats the config file", {},
     {".aws/credentials": DEFAULT_CREDENTIALS,
      ".aws/config": "[default]\naws_access_key_id = CONFIGKEY0000000\naws_secret_access_key = configsecret\n"},
     "s3://my-logs/k"),
    ("files elsewhere", {"AWS_SHARED_CREDENTIALS_FILE": "$HOME/secrets/creds", "AWS_CONFIG_FILE": "~/conf/aws.ini"},
     {"secrets/creds": DEFAULT_CREDENTIALS, "conf/aws.ini": "[default]\nregion = us-east-2\n",
      ".aws/credentials": "[default]\naws_access_key_id = NOTREAD\naws_secret_access_key = notread\n"},
     "s3://my-logs/k"),
    ("INI details: comments, colons, case, CRLF, spaces, nested block", {"AWS_PROFILE": "dev"},
     {".aws/credentials": "# a comment\r\n; another\r\n[dev]\r\nAWS_ACCESS_KEY_ID : DEVKEY0000000000\r\n"
                          "\r\n    # indented comment\r\naws_secret_access_key=dev/secret=with=equals  \r\n",
      ".aws/config": "[profile   dev]\nregion = ca-central-1\ns3 =\n    addressing_style = virtual\n\n    signature_version = s3v4\n"},
     "s3://my-logs/k"),
    ("an indented line continues the previous value", {},
     {".aws/credentials": "[default]\naws_access_key_id = AKIDCONTINUED\n  aws_secret_access_key = hidden\n"},
     "s3://my-logs/k"),
    ("bucket with dots on AWS", {**KEYS, "AWS_DEFAULT_REGION": "eu-west-1"}, {}, "s3://logs.example.com/runs/a"),
    ("China region", {**KEYS, "AWS_DEFAULT_REGION": "cn-north-1"}, {}, "s3://my-logs/k"),
    ("key needing encoding", {**KEYS, "AWS_DEFAULT_REGION": "eu-west-1"}, {},
     "s3://my-logs/runs/a b/\u00e9v\u00e9nements+1/~x(1)*!'$&=;,@:.txt"),
    ("us-east-1 named explicitly", {**KEYS, "AWS_DEFAULT_REGION": "us-east-1"}, {}, "s3://my-logs/k"),
    # Errors.
    ("access key id without secret in the environment", {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE"},
     {".aws/credentials": DEFAULT_CREDENTIALS}, "s3://my-logs/k"),
    ("access key id without secret in the file", {},
     {".aws/credentials": "[default]\naws_access_key_id = AKIDONLY\n"}, "s3://my-logs/k"),
    ("profile not found", {"AWS_PROFILE": "nosuch"}, {".aws/credentials": DEFAULT_CREDENTIALS}, "s3://my-logs/k"),
    ("no credentials", {}, {".aws/config": "[default]\nregion = eu-west-1\n"}, "s3://my-logs/k"),
    ("services section missing", {"AWS_PROFILE": "ceph"},
     {".aws/credentials": CEPH_CREDENTIALS, ".aws/config": "[profile ceph]\nservices = nowhere\n"}, "s3://tb-logs/k"),
    ("malformed line", {}, {".aws/credentials": "[default]\naws_access_key_id AKIDNOEQUALS\n"}, "s3://my-logs/k"),
    ("setting before any section", {}, {".aws/credentials": "aws_access_key_id = AKID\n[default]\n"},
     "s3://my-logs/k"),
    ("section given twice", {}, {".aws/config": "[default]\nregion = eu-west-1\n[default]\nregion = eu-west-2\n"},
     "s3://my-logs/k"),
    ("setting given twice", {}, {".aws/config": "[default]\nregion = eu-west-1\nREGION = eu-west-2\n"},
     "s3://my-logs/k"),
    ("nested line without equals", {**KEYS}, {".aws/config": "[default]\ns3 =\n  addressing_style\n"},
     "s3://my-logs/k"),
    ("inline comment is part of the region", {**KEYS}, {".aws/config": "[default]\nregion = eu-west-1 # Ireland\n"},
     "s3://my-logs/k"),
    ("invalid region in the environment", {**KEYS, "AWS_DEFAULT_REGION": "eu_west_1"}, {}, "s3://my-logs/k"),
    ("S3_ENDPOINT without a scheme", {**KEYS, "S3_ENDPOINT": "localhost:9000"}, {}, "s3://my-logs/k"),
]

CHILD = r'''
import datetime, json, os, sys, urllib.parse
import boto3, botocore, botocore.auth
botocore.auth.get_current_datetime = lambda remove_tzinfo=True: datetime.datetime(2013, 5, 24, 0, 0, 0)
location = sys.argv[1]
bucket, _, key = location[len("s3://"):].partition("/")

class Captured(Exception):
    pass

result = {}
try:
    session = boto3.session.Session()
    client = session.client("s3", endpoint_url=os.environ.get("S3_ENDPOINT", None))
    def capture(request, **kwargs):
        result["method"] = request.method
        result["url"] = request.url
        headers = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in request.headers.items()}
        signed = headers["Authorization"].split("SignedHeaders=")[1].split(",")[0].split(";")
        # Only what is signed: the rest (User-Agent, a random invocation id) would change every run.
        result["headers"] = {k: v for k, v in headers.items() if k.lower() in signed or k == "Authorization"}
        raise Captured()
    client.meta.events.register("before-send", capture)
    result["region"] = client.meta.region_name
    try:
        if key == "" or key.endswith("/"):
            client.list_objects_v2(Bucket=bucket, Prefix=key, Delimiter="/")
        else:
            client.get_object(Bucket=bucket, Key=key)
    except Captured:
        pass
    credentials = session.get_credentials().get_frozen_credentials()
    result["credentials"] = {"access_key_id": credentials.access_key, "secret_access_key": credentials.secret_key,
                             "session_token": credentials.token}
except Exception as error:
    result = {"error": type(error).__name__}
print(json.dumps(result))
'''


def run(name, env, files, location):
    with tempfile.TemporaryDirectory() as home:
        for relative, text in files.items():
            path = pathlib.Path(home) / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode())
        child_env = {k: v.replace("$HOME", home) for k, v in env.items()}
        child_env.update(HOME=home, AWS_EC2_METADATA_DISABLED="true", PATH=os.environ.get("PATH", ""))
        out = subprocess.run([sys.executable, "-c", CHILD, location], env=child_env, capture_output=True, text=True,
                             timeout=60, check=True).stdout
        result = json.loads(out.replace(home, "$HOME"))
    return {"name": name, "environment": env, "files": files, "location": location, "boto3": result}


def main():
    import boto3
    import botocore
    cases = [run(*case) for case in CASES]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "made_by": "scripts/make_aws_config_fixtures.py",
        "versions": {"python": sys.version.split()[0], "boto3": boto3.__version__, "botocore": botocore.__version__},
        "time": "2013-05-24T00:00:00Z",
        "cases": cases,
    }
    OUT.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n")
    for case in cases:
        print(f"{case['name']}: {case['boto3'].get('error') or case['boto3'].get('url')}")


if __name__ == "__main__":
    main()
