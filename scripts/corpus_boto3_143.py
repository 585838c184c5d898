"""Builds the boto3 1.43 RST corpus as boto3's own docs build writes it: `boto3.docs.generate_docs`'s
layout, one page per method (`reference/services/<svc>.rst` for the service index,
`<svc>/client/<method>.rst`, `<svc>/paginator/<Name>.rst`, `<svc>/waiter/<Name>.rst`, resource pages
under `<svc>/<resource>/`), the way the live site's pages are built. Unlike generate_docs it runs the
services on a pool of processes and times boto3's documenter (wall seconds of the pool), written with
the counts to `documenter.json` as the benchmark's anchor.

Usage: python3 scripts/corpus_boto3_143.py OUT_DIR [SERVICE ...]   (no services: all of them)
Runs under the pyenv python3 on PATH, which has boto3/botocore 1.43 (Debian's has 1.26).
"""
import json
import os
import platform
import sys
import time
from multiprocessing import Pool

PROCESSES = 2  # the machine's 2 cores are shared: no more than that


def document(args):
    """Documents one service with boto3's ServiceDocumenter, as generate_docs does for each."""
    name, services_dir = args
    import warnings

    import boto3
    from boto3.docs.service import ServiceDocumenter

    # Some examples' dates name a time zone dateutil does not know (PDT): noise, not a failure.
    warnings.filterwarnings('ignore', message='tzname .* identified but not understood')
    started = time.process_time()
    session = boto3.session.Session(region_name='us-east-1')
    try:
        docs = ServiceDocumenter(name, session, services_dir).document_service()
    except Exception as e:  # a documenter failure is reported, not fatal for the others
        return name, f'{type(e).__name__}: {e}'[:300], time.process_time() - started
    with open(os.path.join(services_dir, f'{name}.rst'), 'wb') as f:
        f.write(docs)
    return name, None, time.process_time() - started


def count_files(folder):
    """Files and bytes below a folder (the documenter's whole output)."""
    files = size = 0
    for parent, _dirs, names in os.walk(folder):
        for n in names:
            files += 1
            size += os.path.getsize(os.path.join(parent, n))
    return files, size


def main():
    out = os.path.abspath(sys.argv[1])
    import boto3
    import botocore
    from botocore.docs import DEPRECATED_SERVICE_NAMES

    requested = sys.argv[2:]
    # As generate_docs: every available service but the deprecated names it skips.
    services = requested or [
        s for s in boto3.session.Session(region_name='us-east-1').get_available_services()
        if s not in DEPRECATED_SERVICE_NAMES
    ]
    services_dir = os.path.join(out, 'reference', 'services')
    os.makedirs(services_dir, exist_ok=True)
    failed = {}
    cpu = 0.0
    started = time.perf_counter()
    with Pool(PROCESSES) as pool:
        for name, error, seconds in pool.imap_unordered(document, [(s, services_dir) for s in services]):
            cpu += seconds
            if error:
                failed[name] = error
                print(f'failed {name}: {error}', file=sys.stderr)
    wall = time.perf_counter() - started
    files, size = count_files(os.path.join(out, 'reference'))
    record = {
        'boto3': boto3.__version__,
        'botocore': botocore.__version__,
        'python': platform.python_version(),
        'processes': PROCESSES,
        'services': len(services) - len(failed),
        'failed': dict(sorted(failed.items())),
        'files': files,
        'bytes': size,
        'seconds': round(wall, 2),
        'cpuSeconds': round(cpu, 2),
        'subset': sorted(requested) if requested else None,
    }
    with open(os.path.join(out, 'documenter.json'), 'w') as f:
        json.dump(record, f, indent=2, sort_keys=True)
        f.write('\n')
    print(f"boto3 {boto3.__version__} documenter: {record['services']} services, {files} files, "
          f"{size / 1e6:.1f} MB in {wall:.1f} s wall ({cpu:.1f} s CPU, {PROCESSES} processes) "
          f"into {out}/reference/services ({len(failed)} failed)")


if __name__ == '__main__':
    main()
