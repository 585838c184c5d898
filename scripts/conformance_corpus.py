"""Builds the conformance corpus: boto3's own ServiceDocumenter writes the RST docs of every
service botocore knows (one whole-service file each, as boto3 1.26 does: `services/<name>.rst`),
and each file is split into per-operation pages in the seeds' layout (breadcrumb, title, one
`py:method`: `pages/<name>/<method>.rst`). A manifest records each service's botocore model so the
scorer compares like with like.

Usage: python3 scripts/conformance_corpus.py OUT_DIR [SERVICE ...]   (no services: all of them)
"""
import json
import os
import re
import sys
from multiprocessing import Pool


def document(args):
    name, out = args
    import boto3
    from boto3.docs.service import ServiceDocumenter

    session = boto3.session.Session(region_name='us-east-1')
    try:
        whole = ServiceDocumenter(name, session).document_service()
    except Exception as e:  # a documenter failure is reported, not fatal for the others
        return name, None, f'{type(e).__name__}: {e}'[:300]
    with open(os.path.join(out, 'services', f'{name}.rst'), 'wb') as f:
        f.write(whole)
    pages = split_operations(name, whole.decode('utf-8'), os.path.join(out, 'pages', name))
    loader = session._session.get_component('data_loader')
    api_version = loader.determine_latest_version(name, 'service-2')
    model = os.path.join(loader.search_paths[-1], name, api_version, 'service-2.json')
    for path in loader.search_paths:
        candidate = os.path.join(path, name, api_version, 'service-2.json')
        if os.path.exists(candidate) or os.path.exists(candidate + '.gz'):
            model = candidate
            break
    return name, {'apiVersion': api_version, 'model': model, 'pages': pages, 'bytes': len(whole)}, None


METHOD = re.compile(r'^  \.\. py:method:: ([a-z0-9_]+)\(\*\*kwargs\)\s*$')
CLIENT = re.compile(r'^\.\. py:class:: ([A-Za-z0-9]+)\.Client\s*$')


def split_operations(name, text, folder):
    """Writes one page per client operation of a whole-service file, in the seeds' layout."""
    os.makedirs(folder, exist_ok=True)
    lines = text.split('\n')
    client = None
    starts = []
    for i, line in enumerate(lines):
        m = CLIENT.match(line)
        if m:
            client = m.group(1)
            continue
        if client and line.startswith('.. py:class::'):
            break  # paginators, waiters, resources follow the client
        m = METHOD.match(line)
        if client and m:
            starts.append((i, m.group(1)))
    count = 0
    for n, (start, method) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body = lines[start + 1:end]
        # Stop at the next top-level construct (a section title or class after the last method).
        for j, line in enumerate(body):
            if line and not line.startswith(' '):
                body = body[:j]
                break
        if not any('**Request Syntax**' in line for line in body):
            continue  # client helpers (can_paginate, get_waiter, ...) are not operations
        dedented = [line[2:] if line.startswith('  ') else line for line in body]
        title = '*' * len(method)
        page = [f':doc:`{client} <../../{name}>` / Client / {method}', '', title, method, title, '', '',
                f'.. py:method:: {client}.Client.{method}(**kwargs)'] + dedented
        with open(os.path.join(folder, f'{method}.rst'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(page))
        count += 1
    return count


def main():
    out = os.path.abspath(sys.argv[1])
    import boto3

    services = sys.argv[2:] or boto3.session.Session(region_name='us-east-1').get_available_services()
    os.makedirs(os.path.join(out, 'services'), exist_ok=True)
    manifest = {'boto3': boto3.__version__, 'services': {}, 'failed': {}}
    with Pool(os.cpu_count() or 2) as pool:
        for name, info, error in pool.imap_unordered(document, [(s, out) for s in services]):
            if error:
                manifest['failed'][name] = error
                print(f'failed {name}: {error}', file=sys.stderr)
            else:
                manifest['services'][name] = info
    manifest['services'] = dict(sorted(manifest['services'].items()))
    with open(os.path.join(out, 'manifest.json'), 'w') as f:
        json.dump(manifest, f, indent=2, sort_keys=True)
    pages = sum(s['pages'] for s in manifest['services'].values())
    print(f"documented {len(manifest['services'])} services into {out}/services, {pages} operation pages into {out}/pages ({len(manifest['failed'])} failed)")


if __name__ == '__main__':
    main()
