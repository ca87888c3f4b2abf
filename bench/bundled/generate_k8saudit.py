#!/usr/bin/env python3
"""Writes N Kubernetes audit events, one JSON object a line, to FILE, cycling through Falco's
sample events (reference/events/k8s_audit) with fresh audit IDs and increasing stage timestamps,
for throughput runs of the bundled k8saudit plugin.

usage: generate_k8saudit.py N FILE
"""
import glob
import json
import os
import sys
import uuid
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "..", "reference", "events", "k8s_audit")


def samples():
    events = []
    for path in sorted(glob.glob(os.path.join(SAMPLES, "*.json"))):
        with open(path) as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                event = json.loads(line)
                if isinstance(event, dict) and event.get("kind") == "Event":
                    events.append(event)
    return events


def main():
    count, target = int(sys.argv[1]), sys.argv[2]
    events = samples()
    start = datetime(2026, 11, 1, tzinfo=timezone.utc)
    with open(target, "w") as out:
        for i in range(count):
            event = dict(events[i % len(events)])
            when = (start + timedelta(microseconds=i * 100)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            event["auditID"] = str(uuid.UUID(int=i))
            event["requestReceivedTimestamp"] = when
            event["stageTimestamp"] = when
            out.write(json.dumps(event, separators=(",", ":")))
            out.write("\n")


if __name__ == "__main__":
    main()
