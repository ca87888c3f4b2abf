#!/usr/bin/env python3
"""Posts the events of a JSON-lines file (see generate_k8saudit.py) to a k8saudit webhook as
EventList bodies of BATCH events, from THREADS connections, and prints events/s as seen by the
client: the webhook answers once a body's events are queued, so under load this is the rate the
engine takes them at.

usage: post_k8saudit.py FILE URL [BATCH] [THREADS]
"""
import http.client
import json
import sys
import threading
import time
from urllib.parse import urlparse


def main():
    path, url = sys.argv[1], urlparse(sys.argv[2])
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 4
    with open(path) as f:
        lines = [line.strip() for line in f if line.strip()]
    bodies = []
    for i in range(0, len(lines), batch):
        items = ",".join(lines[i:i + batch])
        bodies.append(('{"kind":"EventList","apiVersion":"audit.k8s.io/v1","items":[' + items + "]}").encode())
    failures = []
    lock = threading.Lock()
    next_body = [0]

    def worker():
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        while True:
            with lock:
                if next_body[0] >= len(bodies):
                    break
                body = bodies[next_body[0]]
                next_body[0] += 1
            conn.request("POST", url.path, body, {"Content-Type": "application/json"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                failures.append(response.status)
        conn.close()

    started = time.monotonic()
    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.monotonic() - started
    print(json.dumps({"events": len(lines), "bodies": len(bodies), "failures": len(failures),
                      "seconds": round(elapsed, 3), "events_per_second": round(len(lines) / elapsed)}))


if __name__ == "__main__":
    main()
