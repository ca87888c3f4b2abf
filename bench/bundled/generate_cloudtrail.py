#!/usr/bin/env python3
"""Writes N synthetic CloudTrail records as AWS delivers them (files of {"Records": [...]},
10,000 records a file, every fourth file gzipped) under DIR, for throughput runs of the bundled
cloudtrail plugin. The mix is mostly routine read-only calls with a share of calls that the
upstream aws_cloudtrail_rules.yaml flags, so rules are exercised as in a real trail.

usage: generate_cloudtrail.py N DIR
"""
import gzip
import json
import os
import sys
import uuid
from datetime import datetime, timedelta, timezone

ACCOUNT = "123456789012"
ROUTINE = [
    ("ec2.amazonaws.com", "DescribeInstances", True, {"maxResults": 100}),
    ("s3.amazonaws.com", "GetObject", True, {"bucketName": "app-assets", "key": "index.html"}),
    ("sts.amazonaws.com", "GetCallerIdentity", True, None),
    ("iam.amazonaws.com", "ListRoles", True, None),
    ("lambda.amazonaws.com", "Invoke", False, {"functionName": "resize-images"}),
]
FLAGGED = [
    ("iam.amazonaws.com", "CreateUser", False, {"userName": "svc-backup"}),
    ("s3.amazonaws.com", "PutBucketPolicy", False, {"bucketName": "logs-archive", "bucketPolicy": {"Statement": []}}),
    ("cloudtrail.amazonaws.com", "StopLogging", False, {"name": "main-trail"}),
    ("ec2.amazonaws.com", "RunInstances", False, {"instancesSet": {"items": [{"imageId": "ami-0abcdef1234567890", "minCount": 1, "maxCount": 1}]}, "instanceType": "t3.micro"}),
]


def record(i, when):
    source, name, read_only, params = (FLAGGED[i % len(FLAGGED)] if i % 20 == 0 else ROUTINE[i % len(ROUTINE)])
    user = f"user-{i % 37}"
    return {
        "eventVersion": "1.08",
        "userIdentity": {
            "type": "IAMUser",
            "principalId": "AIDAEXAMPLE" + str(i % 37).zfill(6),
            "arn": f"arn:aws:iam::{ACCOUNT}:user/{user}",
            "accountId": ACCOUNT,
            "accessKeyId": "AKIAEXAMPLE" + str(i % 97).zfill(6),
            "userName": user,
        },
        "eventTime": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "eventSource": source,
        "eventName": name,
        "awsRegion": "us-east-1" if i % 3 else "eu-west-1",
        "sourceIPAddress": f"198.51.100.{i % 250 + 1}",
        "userAgent": "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64",
        "requestParameters": params,
        "responseElements": None,
        "requestID": str(uuid.UUID(int=i * 2 + 1)),
        "eventID": str(uuid.UUID(int=i * 2)),
        "readOnly": read_only,
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": ACCOUNT,
        "eventCategory": "Management",
    }


def main():
    count, root = int(sys.argv[1]), sys.argv[2]
    per_file = 10_000
    start = datetime(2026, 11, 1, tzinfo=timezone.utc)
    directory = os.path.join(root, "AWSLogs", ACCOUNT, "CloudTrail", "us-east-1", "2026", "11", "01")
    os.makedirs(directory, exist_ok=True)
    for n, first in enumerate(range(0, count, per_file)):
        records = [record(i, start + timedelta(milliseconds=i * 50)) for i in range(first, min(first + per_file, count))]
        stamp = (start + timedelta(milliseconds=first * 50)).strftime("%Y%m%dT%H%MZ")
        name = os.path.join(directory, f"{ACCOUNT}_CloudTrail_us-east-1_{stamp}_{n:016x}.json")
        text = json.dumps({"Records": records}, separators=(",", ":")).encode()
        if n % 4 == 3:
            with gzip.open(name + ".gz", "wb", compresslevel=1) as f:
                f.write(text)
        else:
            with open(name, "wb") as f:
                f.write(text)


if __name__ == "__main__":
    main()
