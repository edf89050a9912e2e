"""Checks what the escape-report HTML renders, in headless Chromium (stdlib only).

  dom_check.py report OUTDIR SHOTDIR   the report of test/Tools/Inputs/html
  dom_check.py scale OUTDIR SHOTDIR    a large (synthetic) report: load time, sorting

Starts `chromedriver --port=<free port>`, drives it over W3C WebDriver (urllib + json),
opens OUTDIR/index.html from file:// and prints what the browser RENDERED (text of
elements, computed colours, whether a flow is displayed), one fact a line, for
FileCheck. Screenshots go to SHOTDIR. The session is always deleted and chromedriver
(and its browser) killed; a watchdog ends everything after --timeout seconds.
"""
import argparse
import base64
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
CLASSES = ["moved", "escapes", "kept", "leaking", "dangling", "eliminated", "param-ok"]


class Timeout(Exception):
    pass


class WebDriverError(Exception):
    pass


class Element:
    def __init__(self, driver, ref):
        self.driver, self.id = driver, ref

    def json(self):
        return {ELEMENT: self.id}

    def click(self):
        self.driver.cmd("POST", "/element/%s/click" % self.id, {})

    def text(self):
        return self.driver.cmd("GET", "/element/%s/text" % self.id)

    def displayed(self):
        return self.driver.cmd("GET", "/element/%s/displayed" % self.id)

    def attr(self, name):
        return self.driver.cmd("GET", "/element/%s/attribute/%s" % (self.id, name))

    def css(self, prop):
        return self.driver.cmd("GET", "/element/%s/css/%s" % (self.id, prop))

    def type(self, text):
        self.driver.cmd("POST", "/element/%s/value" % self.id, {"text": text})

    def clear(self):
        self.driver.cmd("POST", "/element/%s/clear" % self.id, {})

    def find(self, css):
        return Element(self.driver, _ref(self.driver.cmd(
            "POST", "/element/%s/element" % self.id, {"using": "css selector", "value": css})))

    def find_all(self, css):
        return [Element(self.driver, _ref(v)) for v in self.driver.cmd(
            "POST", "/element/%s/elements" % self.id, {"using": "css selector", "value": css})]


def _ref(value):
    return value[ELEMENT]


class Driver:
    """A W3C WebDriver session on a local chromedriver."""

    def __init__(self, port, request_timeout=60):
        self.base = "http://127.0.0.1:%d" % port
        self.session = None
        self.request_timeout = request_timeout

    def http(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json; charset=utf-8"})
        try:
            with urllib.request.urlopen(req, timeout=self.request_timeout) as resp:
                payload = json.loads(resp.read().decode() or "{}")
        except urllib.error.HTTPError as err:
            try:
                payload = json.loads(err.read().decode())
            except ValueError:
                raise WebDriverError("%s %s: HTTP %d" % (method, path, err.code))
            v = payload.get("value", {})
            raise WebDriverError("%s %s: %s: %s" % (method, path, v.get("error"),
                                                    (v.get("message") or "").splitlines()[0:1]))
        return payload.get("value")

    def cmd(self, method, path, body=None):
        return self.http(method, "/session/%s%s" % (self.session, path), body)

    def start(self):
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "timeouts": {"pageLoad": 30000, "script": 20000, "implicit": 0},
            "goog:chromeOptions": {"args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--allow-file-access-from-files",
                "--force-device-scale-factor=1"]},
        }}}
        value = self.http("POST", "/session", caps)
        self.session = value["sessionId"]

    def quit(self):
        if self.session:
            try:
                self.http("DELETE", "/session/%s" % self.session)
            finally:
                self.session = None

    def get(self, url):
        self.cmd("POST", "/url", {"url": url})

    def url(self):
        return self.cmd("GET", "/url")

    def find(self, css):
        return Element(self, _ref(self.cmd("POST", "/element", {"using": "css selector", "value": css})))

    def find_all(self, css):
        return [Element(self, _ref(v)) for v in
                self.cmd("POST", "/elements", {"using": "css selector", "value": css})]

    def js(self, script, *args):
        return self.cmd("POST", "/execute/sync", {
            "script": script, "args": [a.json() if isinstance(a, Element) else a for a in args]})

    def screenshot(self, path):
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.cmd("GET", "/screenshot")))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_chromedriver(log):
    port = free_port()
    proc = subprocess.Popen(["chromedriver", "--port=%d" % port], stdout=log,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    driver = Driver(port)
    deadline = time.monotonic() + 20
    while True:
        if proc.poll() is not None:
            raise WebDriverError("chromedriver exited with %d" % proc.returncode)
        try:
            if driver.http("GET", "/status").get("ready"):
                return proc, driver
        except (OSError, WebDriverError):
            pass
        if time.monotonic() > deadline:
            raise WebDriverError("chromedriver did not become ready in 20 s")
        time.sleep(0.1)


def stop_chromedriver(proc):
    """End chromedriver and what it started (its own process group)."""
    if proc is None:
        return
    for sig, wait in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(wait)
            break
        except subprocess.TimeoutExpired:
            continue


def file_url(path):
    return "file://" + urllib.request.pathname2url(os.path.abspath(path))


COLOUR = "return getComputedStyle(arguments[0]).borderLeftColor;"
BACKGROUND = "return getComputedStyle(arguments[0]).backgroundColor;"
VISIBLE = "return arguments[0].checkVisibility();"
ROW_FILES = ("return Array.from(document.querySelectorAll('#files tbody tr.file-row'))"
             ".filter(function (r) { return r.checkVisibility(); })"
             ".map(function (r) { return r.querySelector('td.file').innerText; });")
COLUMN = ("var key = arguments[0];"
          "return Array.from(document.querySelectorAll('#files tbody tr.file-row'))"
          ".map(function (r) { return r.querySelector('td[data-class=\"' + key + '\"]')"
          ".innerText; });")


def hue(css):
    """A colour name for "rgb(r, g, b)": its hue family, "light" when pale, "grey" when unsaturated."""
    r, g, b = (int(x) / 255 for x in css[css.index("(") + 1:css.index(")")].split(",")[:3])
    hi, lo = max(r, g, b), min(r, g, b)
    light = (hi + lo) / 2
    if hi == lo or (hi - lo) / (1 - abs(2 * light - 1)) < 0.15:
        return "grey"
    if hi == r:
        h = (60 * (g - b) / (hi - lo)) % 360
    elif hi == g:
        h = 60 * (b - r) / (hi - lo) + 120
    else:
        h = 60 * (r - g) / (hi - lo) + 240
    for top, name in ((15, "red"), (45, "orange"), (70, "yellow"), (170, "green"), (260, "blue"),
                      (300, "purple"), (345, "magenta"), (360, "red")):
        if h < top:
            break
    return ("light " if light > 0.7 else "") + name


def index_rows(d):
    """[(file, {column: rendered text})] of the displayed rows, top to bottom."""
    rows = []
    for r in d.find_all("#files tbody tr.file-row"):
        if not r.displayed():
            continue
        cells = {c.attr("data-class") or "total": c.text() for c in r.find_all("td.count")}
        rows.append((r.find("td.file").text(), cells))
    return rows


def check_report(d, outdir, shots):
    start = time.monotonic()
    d.get(file_url(os.path.join(outdir, "index.html")))
    print("index load: %.2f s" % (time.monotonic() - start), file=sys.stderr)
    print("title: %s" % d.js("return document.title;"))
    print("header: root=%s tus=%s files=%s sites=%s" % (
        d.find("#root").text(), d.find("#tus").text(), d.find("#nfiles").text(),
        d.find("#nsites").text()))
    print("legend: %s" % " | ".join(e.text() for e in d.find_all("#legend .legend-item")))
    rows = index_rows(d)
    print("rows: %d" % len(rows))
    print("files: %s" % ", ".join(f for f, _ in rows))
    for f, cells in rows:
        print("row %s: %s" % (f, " ".join("%s=%s" % (k, cells[k]) for k in ["total"] + CLASSES)))
    foot = d.find("#files tfoot tr")
    print("totals: %s" % " ".join("%s=%s" % (c.attr("data-class") or "total", c.text())
                                  for c in foot.find_all("td.count")))
    heads = [h.text() for h in d.find_all("#files thead th")]
    print("columns: %s" % ", ".join(heads))

    for key, clicks in (("escapes", 1), ("escapes", 1), ("dangling", 1), ("total", 1), ("file", 1)):
        th = d.find('#files thead th[data-key="%s"]' % key)
        for _ in range(clicks):
            th.click()
        rows = index_rows(d)
        print("sorted by %s %s: %s" % (key, th.attr("aria-sort"), ", ".join(
            "%s(%s)" % (f, cells.get(key, "")) if key != "file" else f for f, cells in rows)))

    box = d.find("#filter")
    box.type("par")
    print("filter 'par': %s; %s" % (", ".join(f for f, _ in index_rows(d)), d.find("#shown").text()))
    box.clear()
    d.js("document.getElementById('filter').dispatchEvent(new Event('input'));")
    print("filter cleared: %s; %s" % (", ".join(f for f, _ in index_rows(d)), d.find("#shown").text()))
    d.screenshot(os.path.join(shots, "index.png"))

    colours = {}
    names = [f for f, _ in index_rows(d)]
    for name in names:
        d.get(file_url(os.path.join(outdir, "index.html")))
        link = [r for r in d.find_all("#files tbody tr.file-row") if r.attr("data-file") == name][0]
        link.find("td.file a").click()
        print("page %s: %s; %s" % (name, d.find("#path").text(), d.find("#count").text()))
        for v in d.find_all(".verdict"):
            cls = v.attr("data-class")
            colour = d.js(COLOUR, v)
            colours.setdefault(cls, set()).add(colour)
            is_details = d.js("return arguments[0].tagName;", v) == "DETAILS"
            head = v.find("summary").text() if is_details else v.text()
            print("  L%s:%s %s [%s] %s" % (v.attr("data-line"), v.attr("data-column"), cls,
                                          colour, " ".join(head.split())))
        lines = d.find_all("#source tr.line")
        print("  lines: %d, first: %s" % (len(lines), d.find("#L1 td.code").text()))
    for c in CLASSES:
        seen = sorted(colours.get(c, ()))
        print("colour %s: %s %s" % (c, "/".join(seen) or "none", "/".join(hue(x) for x in seen)))
    distinct = {next(iter(v)) for v in colours.values() if len(v) == 1}
    print("distinct colours: %d of %d classes" % (len(distinct), len(colours)))

    # The flow of the escaping new Widget: hidden, then shown by a click on the verdict.
    go_page(d, outdir, "widgets.cpp")
    v = d.find('.verdict-escapes[data-line="21"]')
    flow = v.find("ol.flow")
    print("flow before click: displayed=%s visible=%s text=%r" % (
        flow.displayed(), d.js(VISIBLE, flow), flow.text()))
    v.find("summary").click()
    print("flow after click: displayed=%s visible=%s" % (flow.displayed(), d.js(VISIBLE, flow)))
    for hop in flow.find_all("li"):
        links = hop.find_all("a")
        print("  hop: %s%s" % (hop.text(), " -> %s" % links[0].attr("href") if links else ""))
    print("L21 before hop click: background=%s" % d.js(BACKGROUND, d.find("#L21 td.code")))
    flow.find('a.same-file[href="#L21"]').click()
    time.sleep(0.2)
    print("after hop click: hash=%s L21 background=%s line=%s" % (
        d.js("return location.hash;"), d.js(BACKGROUND, d.find("#L21 td.code")),
        d.find("#L21 td.code").text()))
    d.screenshot(os.path.join(shots, "widgets.png"))
    # The class toggles of the legend.
    d.find('#legend input[data-toggle="moved"]').click()
    print("moved hidden: %s" % ", ".join(str(e.displayed()) for e in d.find_all(".verdict-moved")))
    d.find('#legend input[data-toggle="moved"]').click()
    print("moved shown: %s" % ", ".join(str(e.displayed()) for e in d.find_all(".verdict-moved")))

    # The leaking parameter's flow links into its own file too.
    go_page(d, outdir, "params.cpp")
    v = d.find(".verdict-leaking")
    v.find("summary").click()
    print("leaking flow: %s" % " / ".join(
        "%s -> %s" % (a.text(), a.attr("href")) for a in v.find_all("ol.flow a")))
    d.find("#expand").click()
    print("expand all: %s" % ", ".join(
        "%s=%s" % (e.attr("data-class"), e.find("ol.flow").displayed())
        for e in d.find_all("details.verdict")))
    d.screenshot(os.path.join(shots, "params.png"))
    go_page(d, outdir, "box.h")
    d.screenshot(os.path.join(shots, "box.png"))


def go_page(d, outdir, name):
    d.get(file_url(os.path.join(outdir, "index.html")))
    row = [r for r in d.find_all("#files tbody tr.file-row") if r.attr("data-file") == name]
    if not row:
        raise WebDriverError("no row for %s" % name)
    row[0].find("td.file a").click()


def check_scale(d, outdir, shots, bound):
    url = file_url(os.path.join(outdir, "index.html"))
    start = time.monotonic()
    d.get(url)
    took = time.monotonic() - start
    nav = d.js("var n = performance.getEntriesByType('navigation')[0];"
               "return [n.domContentLoadedEventEnd, n.loadEventEnd];")
    print("index load: %.2f s (DOMContentLoaded %.0f ms, load %.0f ms)" % (took, nav[0], nav[1]),
          file=sys.stderr)
    print("index load: %.2f s" % took)
    print("index load within %g s: %s" % (bound, took < bound))
    rows = d.js("return document.querySelectorAll('#files tbody tr.file-row').length;")
    print("rows: %d" % rows)
    print("header: files=%s sites=%s" % (d.find("#nfiles").text(), d.find("#nsites").text()))
    visible = d.js(ROW_FILES)
    print("displayed rows: %d, first %s, last %s" % (len(visible), visible[0], visible[-1]))
    start = time.monotonic()
    d.find('#files thead th[data-key="escapes"]').click()
    values = [int(v) for v in d.js(COLUMN, "escapes")]
    took = time.monotonic() - start
    print("sort by escapes: %.2f s" % took, file=sys.stderr)
    print("sorted by escapes: descending=%s first=%d last=%d distinct=%d" % (
        values == sorted(values, reverse=True), values[0], values[-1], len(set(values))))
    d.find('#files thead th[data-key="escapes"]').click()
    again = [int(v) for v in d.js(COLUMN, "escapes")]
    print("sorted by escapes again: ascending=%s" % (again == sorted(values)))
    d.screenshot(os.path.join(shots, "scale-index.png"))
    box = d.find("#filter")
    box.type("file042.")
    print("filter: %s; %s" % (", ".join(d.js(ROW_FILES)), d.find("#shown").text()))
    d.find("#files tbody tr.file-row:not([hidden]) td.file a").click()
    print("missing page: %s; %s" % (d.find("#path").text(), " ".join(d.find("#missing").text().split())))
    print("missing page verdicts: %d, groups: %d" % (
        len(d.find_all(".verdict")), len(d.find_all("section.line-group"))))
    d.screenshot(os.path.join(shots, "scale-missing.png"))
    d.get(url)
    box = d.find("#filter")
    box.type("file499.")
    start = time.monotonic()
    d.find("#files tbody tr.file-row:not([hidden]) td.file a").click()
    took = time.monotonic() - start
    print("file page load: %.2f s" % took, file=sys.stderr)
    print("file page: %s; %s; lines %d" % (d.find("#path").text(), d.find("#count").text(),
                                          len(d.find_all("#source tr.line"))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=["report", "scale"])
    ap.add_argument("outdir")
    ap.add_argument("shots")
    ap.add_argument("--timeout", type=float, default=180, help="watchdog, seconds")
    ap.add_argument("--bound", type=float, default=10, help="scale: index load bound, seconds")
    args = ap.parse_args()

    def expire(signum, frame):
        raise Timeout("dom_check: watchdog: still running after %g s" % args.timeout)
    signal.signal(signal.SIGALRM, expire)
    signal.alarm(int(args.timeout))
    os.makedirs(args.shots, exist_ok=True)
    proc = driver = None
    log = tempfile.NamedTemporaryFile(prefix="chromedriver-", suffix=".log", delete=False)
    status = 1
    try:
        proc, driver = start_chromedriver(log)
        driver.start()
        if args.mode == "report":
            check_report(driver, args.outdir, args.shots)
        else:
            check_scale(driver, args.outdir, args.shots, args.bound)
        status = 0
    except (Timeout, WebDriverError, OSError) as err:
        print("dom_check: error: %s" % err, file=sys.stderr)
    finally:
        signal.alarm(0)
        try:
            if driver is not None:
                driver.request_timeout = 10
                driver.quit()
        except Exception as err:  # noqa: BLE001 - never keep chromedriver alive
            print("dom_check: quitting the session: %s" % err, file=sys.stderr)
        stop_chromedriver(proc)
        log.close()
        if status:
            with open(log.name, errors="replace") as f:
                sys.stderr.write("chromedriver log (tail):\n" + "".join(f.readlines()[-20:]))
        os.unlink(log.name)
    sys.stdout.flush()
    return status


if __name__ == "__main__":
    sys.exit(main())
