"""Builds real HTML from a SAMPLE of the boto3 1.43 RST corpus (scripts/corpus-boto3-143) with
Debian's Sphinx, once with furo (the live boto3 site's theme) and once with Sphinx's default theme
(alabaster), for the text-extractor corpus (issue 14).

The sample is fixed for a given corpus: the pages the fixtures need (FORCED) and then, per kind of
page, a seeded draw (random.Random(SEED)) from the sorted candidates, so that placeholder pages
("This section is too large to render"), event-stream members, paginator and waiter pages, service
index pages and resource pages all appear, across services. Pages the sample links to or sits below
but does not hold become stubs (see plan_stubs), so links, the service index's method list and the
previous/next links resolve as on the live site; the stubs' HTML is then removed.

conf.py is minimal and offline (no intersphinx, nothing fetched): as the boto3 docs' conf.py, it uses
botocore's BotoHTML5Translator (bold-only paragraphs such as **Request Syntax** become <h3>), loaded
from the botocore 1.43 that wrote the RST, and keeps the pages below a service out of the sidebar
(what boto3 does with sphinx_remove_toctrees, not packaged by Debian).

Usage: /usr/bin/python3 scripts/corpus_html.py CORPUS_DIR OUT_DIR COUNT TRANSLATOR_PY
Writes OUT_DIR/{furo,alabaster}/reference/services/...html, OUT_DIR/source/ (the Sphinx project) and
OUT_DIR/manifest.json (the pages, their kinds, the build seconds and warnings).
"""
import json
from importlib import metadata
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter

SEED = 14  # the number: any fixed value keeps the sample stable
THEMES = ('furo', 'alabaster')
PLACEHOLDER = 'This section is too large to render'
# The fixtures' pages (test/fixtures/boto3-143), always in the sample when the corpus has them:
# glue's get_job is the smallest page with a placeholder in boto3 1.43.11.
FORCED = (
    'reference/services/directconnect/client/describe_connections',
    'reference/services/glue/client/get_job',
    'reference/services/kinesis/client/subscribe_to_shard',
    'reference/services/logs/client/start_live_tail',
    'reference/services/directconnect/paginator/DescribeDirectConnectGateways',
    'reference/services/kinesis/waiter/StreamExists',
)
# Share of the sample per kind of page; a kind with fewer pages gives the rest to 'client'.
SHARES = (('placeholder', 0.15), ('eventstream', 0.08), ('paginator', 0.15), ('waiter', 0.12),
          ('index', 0.06), ('resource', 0.10))

TITLE_RULE = re.compile(r'^([*=#\-^~])\1{2,}$')
DOC_ROLE = re.compile(r':doc:`[^`<]*<([^>`]+)>`')


def kind_of(docname, text):
    """The kind of a page, for the sample's shares (the first that applies)."""
    parts = docname.split('/')
    if len(parts) == 3:
        return 'index'
    if PLACEHOLDER in text:
        return 'placeholder'
    if 'EventStream' in text:
        return 'eventstream'
    folder = parts[3]
    if folder in ('paginator', 'waiter', 'client'):
        return folder
    return 'resource'


def read_corpus(corpus):
    """{docname: text} of every page below CORPUS/reference/services."""
    pages = {}
    root = os.path.join(corpus, 'reference', 'services')
    for parent, _dirs, names in os.walk(root):
        for n in names:
            if n.endswith('.rst'):
                path = os.path.join(parent, n)
                docname = os.path.relpath(path, corpus)[:-4].replace(os.sep, '/')
                with open(path, encoding='utf-8') as f:
                    pages[docname] = f.read()
    return pages


def select(pages, count):
    """The fixed sample: FORCED pages first, then a seeded draw per kind up to COUNT pages."""
    rng = random.Random(SEED)
    by_kind = {}
    for docname in sorted(pages):
        by_kind.setdefault(kind_of(docname, pages[docname]), []).append(docname)
    chosen = [d for d in FORCED if d in pages]
    taken = set(chosen)
    for kind, share in SHARES:
        candidates = [d for d in by_kind.get(kind, []) if d not in taken]
        want = max(0, round(count * share) - sum(1 for d in chosen if kind_of(d, pages[d]) == kind))
        for d in rng.sample(candidates, min(want, len(candidates))):
            chosen.append(d)
            taken.add(d)
    rest = [d for d in by_kind.get('client', []) if d not in taken]
    chosen += rng.sample(rest, min(max(0, count - len(chosen)), len(rest)))
    return sorted(chosen[:count] if len(chosen) > count else chosen)


def resolve(docname, target):
    """A link's docname, relative to the linking page's folder as Sphinx resolves it."""
    here = docname.rsplit('/', 1)[0]
    return os.path.normpath(os.path.join(here, target)).replace(os.sep, '/')


def toctrees_of(docname, text):
    """The entries of each toctree of a page, as docnames, in order (one list per toctree)."""
    groups = []
    lines = text.split('\n')
    for i, line in enumerate(lines):
        if line.strip() == '.. toctree::':
            group = []
            for entry in lines[i + 1:]:
                if entry.strip() and not entry.startswith(' '):
                    break
                entry = entry.strip()
                if entry and not entry.startswith(':'):
                    group.append(resolve(docname, entry))
            groups.append(group)
    return groups


def doc_links_of(docname, text):
    """The docnames a page's :doc: roles (its breadcrumb) point at."""
    return [resolve(docname, t) for t in DOC_ROLE.findall(text)]


def stub_of(docname, pages):
    """A linked page's breadcrumb and title only (or a bare title when the corpus lacks it)."""
    text = pages.get(docname)
    if text is not None:
        rules = 0
        lines = text.split('\n')
        for i, line in enumerate(lines):
            if TITLE_RULE.match(line):
                rules += 1
                if rules == 2:
                    return '\n'.join(lines[:i + 1]) + '\n'
    title = docname.rsplit('/', 1)[-1]
    return f"{'*' * len(title)}\n{title}\n{'*' * len(title)}\n"


CONF = '''# Written by scripts/corpus-html: a minimal, offline Sphinx project for the boto3 1.43 sample.
import fnmatch
import importlib.util

project = 'Boto3'
master_doc = 'index'
version = release = {version!r}
extensions = []
exclude_patterns = ['_doctrees']
html_theme = THEME = {theme!r}
html_show_sourcelink = False
html_copy_source = False
pygments_style = 'default'
if THEME == 'furo':
    pygments_dark_style = 'monokai'

_spec = importlib.util.spec_from_file_location('boto_translator', {translator!r})
_translator = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_translator)


def _remove_from_toctrees(app, env):
    # boto3's conf.py: remove_from_toctrees = ['reference/services/*/**/*'] (sphinx_remove_toctrees):
    # the sidebar lists the services, not every page below them; the pages' own toctrees keep them.
    # As that extension, a toctree left empty is removed (else furo shows an empty child list).
    from sphinx import addnodes
    for toc in env.tocs.values():
        for node in list(toc.traverse(addnodes.toctree)):
            node['entries'] = [e for e in node['entries']
                               if not fnmatch.fnmatch(e[1] or '', 'reference/services/*/*')]
            if not node['entries']:
                node.parent.remove(node)


# Stubs are read (for titles, toctrees, links) but not written: most of the build's time otherwise.
with open({stubs!r}, encoding='utf-8') as _f:
    _STUBS = set(_f.read().split())


def setup(app):
    from sphinx.builders.html import StandaloneHTMLBuilder
    write_doc = StandaloneHTMLBuilder.write_doc

    def write_sampled_doc(self, docname, doctree):
        if docname not in _STUBS:
            write_doc(self, docname, doctree)

    StandaloneHTMLBuilder.write_doc = write_sampled_doc
    app.set_translator('html', _translator.BotoHTML5Translator)
    app.connect('env-updated', _remove_from_toctrees)
'''


def plan_stubs(pages, sample):
    """The stubs the sample needs, so that its links resolve and it sits in the toctrees as live.

    A sampled page's toctree entries become title stubs (a service index lists all its methods).
    A sampled page's parents (the pages whose toctrees hold it, up to the service index) become
    parent stubs: title plus hidden toctrees of the entries kept below them and their neighbours,
    so a page's previous/next links and sidebar place are the live site's. Anything else a page
    links to by :doc: becomes a title stub. Returns ({parent stub: [[kept entries], ...]}, {title stubs}).
    """
    trees = {d: toctrees_of(d, t) for d, t in pages.items() if '.. toctree::' in t}
    parent = {}
    for x in sorted(trees):
        for group in trees[x]:
            for entry in group:
                parent.setdefault(entry, x)
    sampled = set(sample)
    kept = {}
    stubs = set()

    def keep(doc):
        x = parent.get(doc)
        while x is not None and x not in sampled:
            seen = x in kept
            kept.setdefault(x, set()).add(doc)
            if seen:
                break
            doc, x = x, parent.get(x)

    for d in sample:
        keep(d)
        for group in trees.get(d, []):
            stubs.update(e for e in group if e not in sampled)
    for d in sorted(set(sample) | stubs):
        for target in doc_links_of(d, pages.get(d, '')):
            if target not in sampled and target not in kept:
                stubs.add(target)
                keep(target)
    parents = {}
    for x, below in kept.items():
        groups = []
        for group in trees[x]:
            at = {i for i, e in enumerate(group) if e in below}
            near = sorted({j for i in at for j in (i - 1, i, i + 1) if 0 <= j < len(group)})
            if near:
                groups.append([group[j] for j in near])
                stubs.update(group[j] for j in near if group[j] not in sampled and group[j] not in kept)
        parents[x] = groups
    stubs -= sampled | set(parents)
    return parents, stubs


REF_ROLE = re.compile(r':ref:`(?:[^`<]*<([^>`]+)>|([^`<]+))`')


def write_source(source, pages, sample):
    """The Sphinx project: the sampled pages, their stubs, a root index, stand-in labels."""
    if os.path.exists(source):
        shutil.rmtree(source)
    parents, stubs = plan_stubs(pages, sample)
    texts = {d: pages[d] for d in sample}
    for x, groups in parents.items():
        hidden = ''.join('\n.. toctree::\n  :hidden:\n\n' + ''.join(f'  /{e}\n' for e in g) for g in groups)
        texts[x] = stub_of(x, pages) + hidden
    for d in stubs:
        texts[d] = stub_of(d, pages)
    # A link to a page the corpus lacks (none expected) gets a bare title, so nothing dangles.
    for d in list(texts):
        for target in doc_links_of(d, texts[d]):
            texts.setdefault(target, stub_of(target, {}))
    for docname, text in texts.items():
        path = os.path.join(source, docname + '.rst')
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
    services = sorted(d for d in texts if len(d.split('/')) == 3)
    # The boto3 guide's labels (document, actions_intro, ...) that pages :ref:, as stand-in targets.
    labels = sorted({a or b for t in texts.values() for a, b in REF_ROLE.findall(t)})
    index = ['Boto3 reference (sample)', '========================', '', '.. toctree::',
             '  :maxdepth: 1', '', *[f'  {d}' for d in services], '',
             *[f'.. _{label}:' for label in labels], '',
             'Stand-ins for the boto3 guide\'s labels', '---------------------------------------', '']
    with open(os.path.join(source, 'index.rst'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(index))
    stubs = sorted(set(texts) - set(sample))
    with open(os.path.join(source, '..', 'stubs.txt'), 'w', encoding='utf-8') as f:
        f.write(''.join(f'{d}\n' for d in stubs))
    return stubs


def build(source, out, theme, version, translator):
    """One Sphinx build of SOURCE with THEME into OUT/THEME; returns (seconds, warning lines)."""
    confdir = tempfile.mkdtemp(prefix=f'corpus-html-{theme}-')
    doctrees = tempfile.mkdtemp(prefix=f'corpus-html-doctrees-{theme}-')
    with open(os.path.join(confdir, 'conf.py'), 'w') as f:
        f.write(CONF.format(version=version, theme=theme, translator=translator,
                            stubs=os.path.abspath(os.path.join(source, '..', 'stubs.txt'))))
    target = os.path.join(out, theme)
    if os.path.exists(target):
        shutil.rmtree(target)
    warnings = os.path.join(confdir, 'warnings.txt')
    started = time.perf_counter()
    # Warnings go to the file (Sphinx also prints them on stderr, kept only for a failed build).
    run = subprocess.run(['/usr/bin/python3', '-m', 'sphinx', '-b', 'html', '-q', '-j', '2', '-c', confdir,
                          '-d', doctrees, '-w', warnings, source, target], stderr=subprocess.PIPE, text=True)
    if run.returncode != 0:
        sys.exit(f'sphinx ({theme}) failed:\n{run.stderr[-3000:]}')
    seconds = time.perf_counter() - started
    with open(warnings, encoding='utf-8') as f:
        warned = [line for line in f.read().split('\n') if line.strip()]
    shutil.rmtree(confdir)
    shutil.rmtree(doctrees)
    return seconds, warned


# What each RST construct must become in the HTML, to check the pages carry boto3's content.
CHECKS = (
    ('.. py:method::', 'class="sig sig-object py"'),
    ('**Request Syntax**', '<h3>Request Syntax</h3>'),
    (':param ', '<dt class="field-odd">Parameters'),
    ('**Response Structure**', '<h3>Response Structure</h3>'),
    (PLACEHOLDER, PLACEHOLDER),
)


def check(out, theme, pages, sample):
    """Problems of the built pages: a construct of the RST whose HTML is missing."""
    problems = []
    for docname in sample:
        with open(os.path.join(out, theme, docname + '.html'), encoding='utf-8') as f:
            html = f.read()
        for rst, expected in CHECKS:
            if rst in pages[docname] and expected not in html:
                problems.append(f'{theme}/{docname}.html: no {expected!r} for {rst!r}')
    return problems


def remove_extras(out, theme, stubs):
    """Drops Sphinx's own pages (and any stub's): the corpus holds the sampled pages only."""
    for docname in stubs:  # none is written (see CONF): in case a Sphinx writes them anyway
        path = os.path.join(out, theme, docname + '.html')
        if os.path.exists(path):
            os.remove(path)
    for name in ('genindex.html', 'search.html', 'searchindex.js', 'objects.inv', '.buildinfo'):
        path = os.path.join(out, theme, name)
        if os.path.exists(path):
            os.remove(path)


def main():
    corpus, out, count, translator = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    with open(os.path.join(corpus, 'documenter.json')) as f:
        version = json.load(f)['boto3']
    pages = read_corpus(corpus)
    sample = select(pages, count)
    os.makedirs(out, exist_ok=True)
    source = os.path.join(out, 'source')
    stubs = write_source(source, pages, sample)
    import sphinx
    manifest = {'boto3': version, 'sphinx': sphinx.__version__, 'seed': SEED, 'count': len(sample),
                'corpus': corpus, 'themes': {},
                'pages': {d: kind_of(d, pages[d]) for d in sample}}
    problems = []
    for theme in THEMES:
        seconds, warned = build(source, out, theme, version, translator)
        problems += check(out, theme, pages, sample)
        remove_extras(out, theme, stubs)
        # Debian's furo reports 0.0.0 to importlib.metadata; its module knows its version.
        version_of = getattr(__import__(theme), '__version__', None) or metadata.version(theme)
        manifest['themes'][theme] = {'version': version_of,
                                     'seconds': round(seconds, 2), 'warnings': len(warned)}
        kinds = Counter(line.split('WARNING: ', 1)[-1] for line in warned if 'WARNING: ' in line)
        manifest['themes'][theme]['warningKinds'] = dict(kinds.most_common(10))
        print(f'{theme}: {len(sample)} pages (+{len(stubs)} stubs) in {seconds:.1f} s, {len(warned)} warnings')
    with open(os.path.join(out, 'manifest.json'), 'w') as f:
        json.dump(manifest, f, indent=2, sort_keys=True)
        f.write('\n')
    kinds = {}
    for k in manifest['pages'].values():
        kinds[k] = kinds.get(k, 0) + 1
    print(f"sample of {len(sample)} pages from {len(pages)}: {json.dumps(dict(sorted(kinds.items())))}")
    if problems:
        print('\n'.join(problems[:20]), file=sys.stderr)
        sys.exit(f'{len(problems)} pages lack content their RST has')


if __name__ == '__main__':
    main()
