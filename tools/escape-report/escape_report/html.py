"""HTML pages of a merged escape report (Python 3, standard library only).

write_html(result, outdir) draws the merged result of merge.py as a small static
site that opens from file:// (no network, no CDN, no external fonts):

  outdir/index.html          the files: one row per source file with its count of
                             sites per verdict class, sortable by any column
                             (report.js), a filter box, totals, the project root
                             and the number of translation units
  outdir/files/NAME.html     one page per source file: the source with line
                             numbers (each line anchored id="L<n>") and, under each
                             line, its verdicts; a verdict with a flow shows the
                             hops on click (a <details> element, closed by
                             default); hops "at FILE:L:C" link to that line
  outdir/style.css           shared style; one colour per verdict class
  outdir/report.js           shared script: index sorting and filtering, the
                             class toggles and "expand all flows" of file pages

NAME is the file's path with every character outside [A-Za-z0-9._-] made '_',
cut to 80 characters, then '-' and 10 hex digits of the SHA-1 of the path, so two
paths never share a page and names stay short.

Stable hooks for styles and tests:
  index:  table#files; each tbody row tr.file-row[data-file]; cells
          td.count[data-class=C][data-value=N]; header cells th[data-key=K]
          (K = "file", "total" or a class) with aria-sort; input#filter
  files:  tr.line#L<n> (td.ln, td.code); tr.verdicts[data-line=n] holding
          .verdict.verdict-C[data-class=C][data-kind][data-line][data-column];
          inside: .badge, .message, .function, .copies, .tus, and for a flow
          summary.flow-toggle + ol.flow > li.hop (a.hop-link[href="#L<n>"])
A source file that cannot be read gets its verdicts grouped by line
(section.line-group#L<n>) under p.missing.
"""
import hashlib
import html
import os
import re

from .merge import split_hop

__all__ = ["write_html", "CLASSES", "page_name"]

# Verdict classes in the order of the index columns, with their labels.
CLASSES = ["moved", "escapes", "kept", "leaking", "dangling", "eliminated", "param-ok"]
LABELS = {
    "moved": "moved",
    "escapes": "escapes",
    "kept": "kept",
    "leaking": "leaking",
    "dangling": "dangling",
    "eliminated": "eliminated",
    "param-ok": "param ok",
}
MEANING = {
    "moved": "allocation moved to the stack",
    "escapes": "allocation escapes to the heap",
    "kept": "does not escape but kept on the heap",
    "leaking": "parameter leaks (its value or content escapes)",
    "dangling": "address of a local escapes its frame",
    "eliminated": "allocation removed by the optimiser",
    "param-ok": "parameter does not escape",
}
_NEWLINE = re.compile(r"\r\n|\r|\n")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")

_e = html.escape


def page_name(path):
    """The file name (without directory) of the page of source PATH."""
    digest = hashlib.sha1(path.encode("utf-8", "surrogateescape")).hexdigest()[:10]
    return "%s-%s.html" % (_UNSAFE.sub("_", path)[:80], digest)


def _cls(site):
    c = site.get("class", "")
    return c if c in LABELS else "other"


def _counts(sites):
    c = dict.fromkeys(CLASSES, 0)
    for s in sites:
        cls = _cls(s)
        if cls in c:
            c[cls] += 1
    return c


def _head(title, prefix):
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<title>%s</title>\n<link rel="stylesheet" href="%sstyle.css">\n'
        '<script src="%sreport.js" defer></script>\n</head>\n' % (_e(title), prefix, prefix))


def _legend(toggles):
    items = []
    for c in CLASSES:
        box = ('<input type="checkbox" checked data-toggle="%s"> ' % c) if toggles else ""
        items.append('<label class="legend-item" title="%s">%s<span class="swatch swatch-%s">'
                     "</span>%s</label>" % (_e(MEANING[c]), box, c, _e(LABELS[c])))
    return '<div class="legend" id="legend">%s</div>\n' % "".join(items)


def _write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def _index(result, files, pages):
    """index.html: FILES is [(path, sites)] sorted by path."""
    root = result.get("root", "")
    tus = result.get("translation_units", 0)
    total = _counts(s for _, sites in files for s in sites)
    nsites = sum(len(sites) for _, sites in files)
    out = [_head("escape report: %s" % root, ""), '<body class="index">\n<header>\n',
           '<h1>escape report</h1>\n<dl class="facts">',
           '<dt>root</dt><dd id="root"><code>%s</code></dd>' % _e(root),
           '<dt>translation units</dt><dd id="tus">%d</dd>' % tus,
           '<dt>files</dt><dd id="nfiles">%d</dd>' % len(files),
           '<dt>sites</dt><dd id="nsites">%d</dd></dl>\n' % nsites,
           _legend(False), "</header>\n<main>\n",
           '<div class="tools"><label>Filter files <input type="search" id="filter" '
           'placeholder="part of a path" autocomplete="off"></label> '
           '<span id="shown">%d of %d files</span></div>\n' % (len(files), len(files))]
    if not files:
        out.append('<p class="empty">No verdicts were reported.</p>\n')
    out.append('<table id="files" class="files">\n<thead><tr>'
               '<th data-key="file" data-type="text" aria-sort="ascending" scope="col">'
               '<button type="button">file</button></th>'
               '<th data-key="total" data-type="num" aria-sort="none" scope="col">'
               '<button type="button">sites</button></th>')
    for c in CLASSES:
        out.append('<th data-key="%s" data-type="num" aria-sort="none" scope="col" '
                   'class="col-%s" title="%s"><button type="button">%s</button></th>'
                   % (c, c, _e(MEANING[c]), _e(LABELS[c])))
    out.append("</tr></thead>\n<tbody>\n")
    for path, sites in files:
        cnt = _counts(sites)
        row = ['<tr class="file-row" data-file="%s"><td class="file" data-value="%s">'
               '<a href="files/%s">%s</a></td><td class="count total" data-value="%d">%d</td>'
               % (_e(path), _e(path), _e(pages[path]), _e(path), len(sites), len(sites))]
        for c in CLASSES:
            n = cnt[c]
            row.append('<td class="count%s" data-class="%s" data-value="%d">%d</td>'
                       % (" nz nz-" + c if n else " zero", c, n, n))
        row.append("</tr>\n")
        out.append("".join(row))
    out.append('</tbody>\n<tfoot><tr class="totals"><th scope="row">total (%d files)</th>'
               '<td class="count total" data-value="%d">%d</td>' % (len(files), nsites, nsites))
    for c in CLASSES:
        out.append('<td class="count" data-class="%s" data-value="%d">%d</td>'
                   % (c, total[c], total[c]))
    out.append("</tr></tfoot>\n</table>\n</main>\n</body>\n</html>\n")
    return "".join(out)


def _same(a, b):
    return os.path.normpath(a) == os.path.normpath(b)


def _hop(text, here, root, abs_pages):
    """One flow line as <li>: a hop "... at FILE:L:C" links to its line when FILE has a page."""
    parts = split_hop(text)
    if not parts:
        cls = "hop flow-head" if text.startswith("flow:") else "hop"
        return '<li class="%s">%s</li>' % (cls, _e(text))
    before, path, line, column = parts
    shown = path
    if root and path.startswith(root.rstrip("/") + "/"):
        shown = path[len(root.rstrip("/")) + 1:]
    label = _e(before) + " at " + _e("%s:%d:%d" % (shown, line, column))
    if _same(path, here):
        href = "#L%d" % line
        cls = "hop-link same-file"
    else:
        target = abs_pages.get(os.path.normpath(path))
        if target is None:
            return '<li class="hop" title="%s">%s</li>' % (_e(path), label)
        href = "%s#L%d" % (target, line)
        cls = "hop-link other-file"
    return ('<li class="hop"><a class="%s" href="%s" data-line="%d" title="%s">%s</a></li>'
            % (cls, _e(href), line, _e(path), label))


def _verdict(s, here, root, abs_pages):
    """One verdict: a <details> (its flow on click) when it has a flow, else a <div>."""
    cls = _cls(s)
    copies, moved = s.get("copies", 0) or 0, s.get("moved_copies", 0) or 0
    tus = s.get("tus", 0) or 0
    meta = []
    if s.get("function"):
        meta.append('<span class="function">in <code>%s</code></span>' % _e(s["function"]))
    meta.append('<span class="column">col %d</span>' % (s.get("column", 0) or 0))
    if 0 < moved < copies:
        meta.append('<span class="copies">moved in %d of %d inlined copies</span>'
                    % (moved, copies))
    if tus > 1:
        meta.append('<span class="tus">in %d translation units</span>' % tus)
    message = s.get("message", "") or s.get("what", "")
    body = ('<span class="badge">%s</span> <span class="message">%s</span> '
            '<span class="meta">%s</span>'
            % (_e(LABELS.get(cls, cls)), _e(message), " ".join(meta)))
    attrs = ('class="verdict verdict-%s" data-class="%s" data-kind="%s" data-line="%d" '
             'data-column="%d"' % (cls, cls, _e(s.get("kind", "")), s.get("line", 0) or 0,
                                     s.get("column", 0) or 0))
    flow = s.get("flow") or []
    if not flow:
        return "<div %s>%s</div>" % (attrs, body)
    hops = "".join(_hop(h, here, root, abs_pages) for h in flow)
    n = sum(1 for h in flow if not h.startswith("flow:"))
    return ('<details %s><summary class="flow-toggle" title="show how it escapes">%s '
            '<span class="flow-count">flow: %d hop%s</span></summary><ol class="flow">%s</ol>'
            "</details>" % (attrs, body, n, "" if n == 1 else "s", hops))


def _read(path):
    """(lines, None) or (None, error text)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as err:
        return None, err.strerror or str(err)
    text = data.decode("utf-8", "replace")
    lines = _NEWLINE.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines, None


def _file_page(result, path, sites, abs_pages):
    """The page of source PATH (relative to the root, or absolute) with its SITES."""
    root = result.get("root", "")
    here = os.path.join(root, path)
    by_line = {}
    for s in sorted(sites, key=lambda s: (s.get("line", 0) or 0, s.get("column", 0) or 0,
                                          s.get("kind", ""), s.get("what", ""))):
        by_line.setdefault(s.get("line", 0) or 0, []).append(s)
    cnt = _counts(sites)
    chips = "".join('<a class="chip chip-%s" data-class="%s" href="#" data-next="%s">%s %d</a>'
                    % (c, c, c, _e(LABELS[c]), cnt[c]) for c in CLASSES if cnt[c])
    out = [_head("%s: escape report" % path, "../"), '<body class="file-page">\n<header>\n',
           '<nav><a href="../index.html" id="back">&larr; all files</a></nav>\n',
           '<h1 id="path"><code>%s</code></h1>\n' % _e(path),
           '<p class="summary"><span id="count">%d verdicts</span> %s '
           '<button type="button" id="expand">expand all flows</button></p>\n'
           % (len(sites), chips), _legend(True), "</header>\n<main>\n"]
    lines, err = _read(here)

    def verdicts(items):
        return "".join(_verdict(s, here, root, abs_pages) for s in items)

    def group(n, items):
        return ('<section class="line-group" id="L%d"><h2><a href="#L%d">line %d</a></h2>'
                '<div class="verdicts" data-line="%d">%s</div></section>\n'
                % (n, n, n, n, verdicts(items)))

    if lines is None:
        out.append('<p class="missing" id="missing">The source file <code>%s</code> could not be '
                   "read (%s); its verdicts are listed without the source.</p>\n"
                   % (_e(here), _e(err)))
        for n in sorted(by_line):
            out.append(group(n, by_line[n]))
    else:
        out.append('<table class="source" id="source"><tbody>\n')
        for i, text in enumerate(lines, 1):
            here_sites = by_line.get(i)
            out.append('<tr class="line%s" id="L%d"><td class="ln"><a href="#L%d">%d</a></td>'
                       '<td class="code">%s</td></tr>\n'
                       % (" has-verdicts" if here_sites else "", i, i, i, _e(text) or " "))
            if here_sites:
                out.append('<tr class="verdicts" data-line="%d"><td class="ln"></td>'
                           '<td>%s</td></tr>\n' % (i, verdicts(here_sites)))
        out.append("</tbody></table>\n")
        beyond = [n for n in sorted(by_line) if n < 1 or n > len(lines)]
        if beyond:
            out.append('<p class="missing" id="beyond">Verdicts on lines the file does not have '
                       "(it changed since the build?):</p>\n")
            for n in beyond:
                out.append(group(n, by_line[n]))
    out.append("</main>\n</body>\n</html>\n")
    return "".join(out)


def write_html(result, outdir):
    """Write the HTML report of RESULT into the directory OUTDIR (created if needed).

    result: the merged result of merge.py, {"version": 1, "tool": "escape-report",
      "root": "/abs/root", "translation_units": N, "sites": [{"file", "line", "column",
      "function", "kind", "what", "verdict", "reason", "moved", "message", "flow",
      "class", "tus", "copies", "moved_copies"}, ...]}; "file" is relative to root
      ('/'-separated) or absolute. Missing optional fields are tolerated.
    Writes OUTDIR/index.html, OUTDIR/style.css, OUTDIR/report.js and one page
    OUTDIR/files/<page_name(file)> per file that has a site; sources are read from
    root + file (a file that cannot be read gets its verdicts without source).
    Existing files of those names are overwritten; nothing else is removed.
    """
    files = {}
    for s in result.get("sites", []):
        files.setdefault(s.get("file", ""), []).append(s)
    order = sorted(files.items())
    pages = {path: page_name(path) for path in files}
    root = result.get("root", "")
    abs_pages = {os.path.normpath(os.path.join(root, p)): name for p, name in pages.items()}
    os.makedirs(os.path.join(outdir, "files"), exist_ok=True)
    _write(os.path.join(outdir, "style.css"), STYLE)
    _write(os.path.join(outdir, "report.js"), SCRIPT)
    for path, sites in order:
        _write(os.path.join(outdir, "files", pages[path]),
               _file_page(result, path, sites, abs_pages))
    _write(os.path.join(outdir, "index.html"), _index(result, order, pages))


STYLE = """\
/* escape report: shared style. One colour per verdict class (--c), a tint (--t). */
:root {
  color-scheme: light;
  --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --bg: #ffffff; --panel: #f6f8fa;
  --target: #fff3b0;
  --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
}
.verdict-moved, .swatch-moved, .chip-moved, .nz-moved, .col-moved { --c: #1a7f37; --t: #e6f6ea; --on: #ffffff; }
.verdict-escapes, .swatch-escapes, .chip-escapes, .nz-escapes, .col-escapes { --c: #cf222e; --t: #ffebe9; --on: #ffffff; }
.verdict-kept, .swatch-kept, .chip-kept, .nz-kept, .col-kept { --c: #d16d00; --t: #fff1e0; --on: #ffffff; }
.verdict-leaking, .swatch-leaking, .chip-leaking, .nz-leaking, .col-leaking { --c: #8250df; --t: #f4efff; --on: #ffffff; }
.verdict-dangling, .swatch-dangling, .chip-dangling, .nz-dangling, .col-dangling { --c: #e0006f; --t: #ffe0ef; --on: #ffffff; }
.verdict-eliminated, .swatch-eliminated, .chip-eliminated, .nz-eliminated, .col-eliminated { --c: #6e7781; --t: #f0f1f3; --on: #ffffff; }
.verdict-param-ok, .swatch-param-ok, .chip-param-ok, .nz-param-ok, .col-param-ok { --c: #8ec5ee; --t: #f1f8fe; --on: #0b3a5b; --ink: #2f6f9f; }
.verdict-other { --c: #24292f; --t: #f6f8fa; --on: #ffffff; }

* { box-sizing: border-box; }
html { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg); }
body { margin: 0; }
header { padding: 12px 20px; border-bottom: 1px solid var(--line); background: var(--panel); }
main { padding: 12px 20px 40px; }
h1 { font-size: 20px; margin: 0 0 6px; word-break: break-all; }
h1 code { font-family: var(--mono); }
a { color: #0969da; }
code { font-family: var(--mono); }
.facts { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0 0 8px; }
.facts dt { color: var(--muted); }
.facts dt::after { content: ":"; }
.facts dd { margin: 0 0 0 -12px; font-weight: 600; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 13px; }
.legend-item { display: inline-flex; align-items: center; gap: 5px; cursor: default; }
.file-page .legend-item { cursor: pointer; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; background: var(--c); border: 1px solid rgba(0,0,0,.15); }

/* index */
.tools { margin: 0 0 10px; display: flex; gap: 14px; align-items: center; }
#filter { font: inherit; padding: 3px 6px; width: 22em; border: 1px solid var(--line); border-radius: 4px; }
#shown { color: var(--muted); }
table.files { border-collapse: collapse; font-variant-numeric: tabular-nums; }
table.files th, table.files td { padding: 3px 10px; border-bottom: 1px solid var(--line); }
table.files thead th { position: sticky; top: 0; background: var(--panel); border-bottom: 2px solid var(--line); padding: 0; white-space: nowrap; }
table.files thead th button { font: inherit; font-weight: 600; border: 0; background: none; color: inherit; padding: 5px 10px; cursor: pointer; width: 100%; text-align: inherit; }
table.files thead th[data-type="num"] button { text-align: right; }
table.files thead th[class^="col-"] { box-shadow: inset 0 -3px 0 var(--c); }
table.files thead th[aria-sort="ascending"] button::after { content: " \\25B2"; font-size: 10px; }
table.files thead th[aria-sort="descending"] button::after { content: " \\25BC"; font-size: 10px; }
table.files td.file { font-family: var(--mono); font-size: 13px; word-break: break-all; }
table.files td.count { text-align: right; min-width: 4.5em; }
table.files td.zero { color: #b8bec5; }
table.files td.nz { color: var(--ink, var(--c)); font-weight: 700; background: var(--t); }
table.files tbody tr:hover td { filter: brightness(0.97); }
table.files tfoot th, table.files tfoot td { font-weight: 700; border-top: 2px solid var(--line); text-align: right; }
table.files tfoot th { text-align: left; }
tr.file-row[hidden] { display: none; }
.empty { color: var(--muted); }

/* file pages */
nav { margin-bottom: 4px; }
.summary { margin: 4px 0 8px; display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.chip { display: inline-block; padding: 0 8px; border-radius: 10px; background: var(--c); color: var(--on); font-size: 12px; font-weight: 600; text-decoration: none; }
#expand { font: inherit; font-size: 12px; padding: 1px 8px; margin-left: 8px; cursor: pointer; }
table.source { border-collapse: collapse; width: 100%; font-family: var(--mono); font-size: 13px; }
table.source td { padding: 0 8px; vertical-align: top; }
td.ln { width: 1%; text-align: right; color: var(--muted); user-select: none; border-right: 1px solid var(--line); white-space: nowrap; }
td.ln a { color: inherit; text-decoration: none; }
td.ln a:hover { text-decoration: underline; }
td.code { white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 8; }
tr.line { scroll-margin-top: 40vh; }
tr.has-verdicts td.code { background: #f6f8fa; }
tr.line:target td, section.line-group:target, tr.line.flash td { background: var(--target); }
tr.line:target td.ln { color: var(--fg); font-weight: 700; }
tr.verdicts > td { padding-top: 2px; padding-bottom: 6px; }
.verdict { display: block; margin: 2px 0; border-left: 4px solid var(--c); background: var(--t); border-radius: 0 4px 4px 0; font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; font-size: 13px; }
.verdict > summary, div.verdict { padding: 2px 8px; }
.verdict > summary { cursor: pointer; list-style: none; }
.verdict > summary::-webkit-details-marker { display: none; }
.verdict .badge { display: inline-block; min-width: 6.5em; text-align: center; padding: 0 6px; border-radius: 3px; background: var(--c); color: var(--on); font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.verdict-dangling { border-left-width: 6px; box-shadow: 0 0 0 1px var(--c); }
.verdict-dangling .badge::before { content: "\\26A0  "; }
.verdict .message { font-weight: 600; }
.verdict .meta { color: var(--muted); font-size: 12px; }
.verdict .meta > span + span::before { content: "\\00B7  "; }
.verdict .copies { color: #1a7f37; font-weight: 600; }
.flow-count { font-size: 11px; color: var(--ink, var(--c)); border: 1px solid var(--c); border-radius: 3px; padding: 0 5px; margin-left: 4px; white-space: nowrap; }
.flow-count::before { content: "\\25B8  "; }
details[open] > summary .flow-count::before { content: "\\25BE  "; }
ol.flow { counter-reset: hop; list-style: none; margin: 2px 0 6px; padding: 4px 8px 4px 34px; font-family: var(--mono); font-size: 12px; background: var(--bg); border-top: 1px dashed var(--line); }
ol.flow li.hop:not(.flow-head)::before { counter-increment: hop; content: counter(hop) ". "; display: inline-block; min-width: 2.2em; margin-left: -2.2em; text-align: right; padding-right: .4em; color: var(--muted); }
ol.flow li.flow-head { margin-left: -20px; font-weight: 700; }
ol.flow a.same-file { font-weight: 600; }
section.line-group { border-bottom: 1px solid var(--line); padding: 4px 0 8px; scroll-margin-top: 40vh; }
section.line-group h2 { font-size: 13px; margin: 4px 0; font-family: var(--mono); }
.missing { padding: 8px 12px; border: 1px solid #d4a72c; background: #fff8c5; border-radius: 4px; }
body.hide-moved .verdict-moved, body.hide-escapes .verdict-escapes, body.hide-kept .verdict-kept,
body.hide-leaking .verdict-leaking, body.hide-dangling .verdict-dangling,
body.hide-eliminated .verdict-eliminated, body.hide-param-ok .verdict-param-ok { display: none; }
"""

SCRIPT = """\
// escape report: sorting and filtering of the index; class toggles and flows of file pages.
(function () {
  'use strict';

  function initIndex(table) {
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var keys = {};
    rows.forEach(function (r, i) { r.__pos = i; });
    function keyOf(col, numeric) {
      if (!keys[col]) {
        keys[col] = rows.map(function (r) {
          var v = r.cells[col].getAttribute('data-value');
          return numeric ? Number(v) : v;
        });
      }
      return keys[col];
    }
    var state = { col: 0, dir: 1 };
    function sortBy(col, dir) {
      var numeric = heads[col].getAttribute('data-type') === 'num';
      var k = keyOf(col, numeric);
      var order = rows.slice().sort(function (a, b) {
        var x = k[a.__pos], y = k[b.__pos];
        if (x < y) return -dir;
        if (x > y) return dir;
        return a.__pos - b.__pos;
      });
      var frag = document.createDocumentFragment();
      order.forEach(function (r) { frag.appendChild(r); });
      tbody.appendChild(frag);
      heads.forEach(function (h, i) {
        h.setAttribute('aria-sort', i === col ? (dir > 0 ? 'ascending' : 'descending') : 'none');
      });
      state = { col: col, dir: dir };
    }
    heads.forEach(function (th, col) {
      th.addEventListener('click', function () {
        var numeric = th.getAttribute('data-type') === 'num';
        var dir = state.col === col ? -state.dir : (numeric ? -1 : 1);
        sortBy(col, dir);
      });
    });
    var filter = document.getElementById('filter');
    var shown = document.getElementById('shown');
    if (filter) {
      var apply = function () {
        var q = filter.value.trim().toLowerCase();
        var n = 0;
        rows.forEach(function (r) {
          var hide = q !== '' && r.getAttribute('data-file').toLowerCase().indexOf(q) < 0;
          r.hidden = hide;
          if (!hide) n++;
        });
        if (shown) shown.textContent = n + ' of ' + rows.length + ' files';
      };
      filter.addEventListener('input', apply);
      if (filter.value) apply();
    }
  }

  function initFile() {
    var body = document.body;
    Array.prototype.forEach.call(document.querySelectorAll('input[data-toggle]'), function (box) {
      var apply = function () {
        body.classList.toggle('hide-' + box.getAttribute('data-toggle'), !box.checked);
      };
      box.addEventListener('change', apply);
      apply();
    });
    var expand = document.getElementById('expand');
    if (expand) {
      expand.addEventListener('click', function () {
        var all = document.querySelectorAll('details.verdict');
        var open = Array.prototype.some.call(all, function (d) { return !d.open; });
        Array.prototype.forEach.call(all, function (d) { d.open = open; });
        expand.textContent = open ? 'collapse all flows' : 'expand all flows';
      });
    }
    // A chip jumps to the next verdict of its class.
    Array.prototype.forEach.call(document.querySelectorAll('a.chip[data-next]'), function (chip) {
      var i = -1;
      chip.addEventListener('click', function (ev) {
        ev.preventDefault();
        var list = document.querySelectorAll('.verdict-' + chip.getAttribute('data-next'));
        if (!list.length) return;
        i = (i + 1) % list.length;
        var line = list[i].getAttribute('data-line');
        location.hash = '#L' + line;
      });
    });
    // Re-flash a line when the same anchor is clicked again (:target does not change).
    document.addEventListener('click', function (ev) {
      var a = ev.target.closest && ev.target.closest('a.hop-link.same-file, td.ln a');
      if (!a) return;
      var row = document.getElementById(a.getAttribute('href').slice(1));
      if (!row) return;
      row.classList.remove('flash');
      void row.offsetWidth;
      row.classList.add('flash');
      setTimeout(function () { row.classList.remove('flash'); }, 1200);
    });
  }

  function init() {
    var table = document.getElementById('files');
    if (table && table.tBodies.length) initIndex(table);
    if (document.body.classList.contains('file-page')) initFile();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
}());
"""
