"""The replica of the company's news site, served over real HTTP on 127.0.0.1.

Python API for tests and benchmarks::

    site = build_site(articles=60, seed=1)          # content + ground truth
    site.manifest()                                 # what the pages say, as JSON-ready data

    with running_replica(articles=60, seed=1) as replica:     # server in a background thread
        replica.base_url                            # "http://127.0.0.1:PORT/"
        replica.request_log                         # [(method, path, status), ...]

    with replica_process(articles=60, seed=1) as proc:         # server in a subprocess (CLI)
        proc.base_url

URL scheme: see ``urls.py``; state directory: ``state.py``; faults: ``faults.py``.
"""

from crawler.sample_site.runner import (
    ReplicaHandle,
    ReplicaProcess,
    replica_process,
    running_replica,
    start_replica_process,
)
from crawler.sample_site.site import Site, build_site

__all__ = [
    "ReplicaHandle",
    "ReplicaProcess",
    "Site",
    "build_site",
    "replica_process",
    "running_replica",
    "start_replica_process",
]
