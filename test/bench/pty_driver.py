#!/usr/bin/env python3
"""Benchmark driver for `npm run bench` (test/bench/run.mjs). Standard library only. The
pseudo-terminal itself (start, read, exit status, peak memory) is test/support/pty_core.py, the
same as the tests' harness (test/support/pty_run.py).

Runs commands one after another, either on a pseudo-terminal ("pty" mode) or with stdin and
stdout on /dev/null ("null" mode), and times them with the monotonic clock:

  * a run's zero is taken just before fork();
  * a key's zero is taken just before the key's bytes are written to the terminal;
  * an event's time is the time the read() that brought its last byte returned.

In pty mode the output is fed to a small terminal emulator (cursor movement, erase, scrolling,
wide characters, alternate screen, synchronized-output brackets), so "the screen changed"
means the modelled screen, not a byte pattern: it works the same whether the app redraws the
whole frame or only the lines that changed. A condition is only checked outside a
synchronized-update block (ESC[?2026h ... ESC[?2026l, which Ink puts around every frame), so a
half-written frame never counts.

Peak RSS: os.wait4() returns the rusage of that one child; ru_maxrss is its peak resident set
in KiB. Linux also counts the memory of the forked copy of this driver before exec(), so
figures below the "floor" (measured with /bin/true) only mean "at most the floor".

Input (stdin, one JSON object): {"sessions": [session, ...]}
Output (stdout, one JSON object): {"results": [result, ...], "floorKB": n}

session = {
  "id": "any label",
  "argv": ["node", "dist/blog-tui.js"], "cwd": "...", "env": {"NAME": "value" | null},
  "mode": "pty" | "null",            # default pty
  "cols": 100, "rows": 30,           # pty size
  "timeout": 60,                      # budget in seconds for the whole session
  "steps": [step, ...],               # pty mode only
  "quit": "q",                        # bytes written after the steps (pty); then wait for exit
}

steps:
  {"await": cond, "label": "firstFrame", "timeout": s}
        wait until cond holds; record the time since spawn under label.
  {"idle": seconds}
        keep reading output for that long.
  {"snapshot": "name"}
        record the screen's text under result["snapshots"][name] (for debugging a scenario).
  {"select": "text", "key": "\\u001b[B", "max": 50}
        in the list, press key until the selected entry (the row that starts with the
        selection mark) contains text; each press waits for the position indicator to move.
  {"press": "\\r", "await": cond, "label": "open", "timeout": s}
        write the bytes, wait for cond (or, with "expect" instead of "await", for the expected
        change of the screen); record the latency under label.
  {"keys": [{"name": "j", "bytes": "j", "expect": "readerLine"}, ...], "rounds": 30,
   "gap": 0.05, "timeout": s}
        round-robin: every round presses each key once and records its latency under name.
        Before a key that cannot change the screen (list at its last entry, reader at 100%),
        Home ('g') is pressed first and its frame awaited; that press is not recorded.
        Every key is written only after the screen has been quiet for `gap` seconds (longer
        than Ink's 33 ms render throttle), so each figure is one key's whole cost.

conds:
  {"kind": "text", "text": "ready"}           the screen shows the text
  {"kind": "list"}                            the list: a header with "post" and a footer
                                              ending in "i/N"
  {"kind": "reader", "text": "..."}           the reader: footer ending in "N%" and the text
                                              on screen

expects (compared with the screen just before the key):
  listDown    the position indicator is one more than before
  listPage    the position indicator is larger than before
  listTop     the position indicator is 1
  readerLine  the text moved up one line: the first text row is the old second row
  readerPage  the text rows changed
  readerEnd   the text rows changed and the footer shows 100%
  readerTop   the text rows changed (after Home)

result = {"id", "exitCode", "signal", "wallSeconds", "maxRssKB", "times": {label: s},
          "latencies": {name: [s, ...]}, "resets": n, "bytes": {name: [n, ...]},
          "extraFrames": n, "error": null | "...", "screen": [rows] (pty, at the end)}
"""

import codecs
import json
import os
import re
import select
import signal
import sys
import time
import unicodedata

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from pty_core import Child  # noqa: E402 - the shared pseudo-terminal plumbing

# -- terminal model -------------------------------------------------------------------------

TOKEN_RE = re.compile(
    r"(\x1b\[[0-?]*[ -/]*[@-~])"          # CSI
    r"|(\x1b\][^\x07\x1b]*(?:\x07|\x1b\\))"  # OSC (hyperlinks, titles)
    r"|(\x1b[ -/]*[0-~])"                 # other escapes
    r"|([\x00-\x1a\x1c-\x1f\x7f])"        # C0 controls (not ESC)
    r"|([^\x00-\x1f\x7f]+)",              # printable text
    re.S,
)


def char_width(ch):
    if ch.isascii():
        return 1
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


class Screen:
    def __init__(self, cols, rows):
        self.cols = cols
        self.rows = rows
        self.main = self.blank()
        self.alt = None
        self.grid = self.main
        self.x = 0
        self.y = 0
        self.saved = (0, 0)
        self.wrap_pending = False
        self.pending = ""
        self.sync = False
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.unsupported = {}

    def blank(self):
        return [[" "] * self.cols for _ in range(self.rows)]

    # text of the screen
    def lines(self):
        return ["".join(row).rstrip() for row in self.grid]

    def feed(self, data):
        text = self.pending + self.decoder.decode(data)
        self.pending = ""
        pos = 0
        end = len(text)
        while pos < end:
            m = TOKEN_RE.match(text, pos)
            # An escape sequence cut by the end of this chunk waits for the next one.
            if m is None or m.group(3) in ("\x1b[", "\x1b]"):
                if text[pos] == "\x1b" and end - pos < 4096:
                    self.pending = text[pos:]
                    return
                pos = m.end() if m else pos + 1
                continue
            csi, osc, esc, ctl, txt = m.groups()
            if txt is not None:
                self.put_text(txt)
            elif csi is not None:
                self.do_csi(csi)
            elif ctl is not None:
                self.do_control(ctl)
            elif esc is not None:
                self.do_escape(esc)
            # OSC: ignored (hyperlinks, window titles)
            pos = m.end()

    def newline(self):
        if self.y == self.rows - 1:
            self.grid.pop(0)
            self.grid.append([" "] * self.cols)
        else:
            self.y += 1

    def put_text(self, txt):
        if txt.isascii():
            while txt:
                if self.wrap_pending:
                    self.wrap_pending = False
                    self.x = 0
                    self.newline()
                room = self.cols - self.x
                part, txt = txt[:room], txt[room:]
                row = self.grid[self.y]
                row[self.x:self.x + len(part)] = list(part)
                self.x += len(part)
                if self.x >= self.cols:
                    self.x = self.cols - 1
                    self.wrap_pending = True
            return
        for ch in txt:
            w = char_width(ch)
            if w == 0:
                continue
            if self.wrap_pending or (w == 2 and self.x == self.cols - 1):
                self.wrap_pending = False
                self.x = 0
                self.newline()
            row = self.grid[self.y]
            row[self.x] = ch
            if w == 2:
                row[self.x + 1] = ""
            self.x += w
            if self.x >= self.cols:
                self.x = self.cols - 1
                self.wrap_pending = True

    def do_control(self, ch):
        if ch == "\r":
            self.x = 0
        elif ch == "\n" or ch == "\x0b" or ch == "\x0c":
            self.newline()
        elif ch == "\b":
            self.x = max(0, self.x - 1)
        elif ch == "\t":
            self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
        else:
            return
        self.wrap_pending = False

    def do_escape(self, seq):
        if seq == "\x1b7":
            self.saved = (self.x, self.y)
        elif seq == "\x1b8":
            self.x, self.y = self.saved
        elif seq == "\x1bM":
            if self.y == 0:
                self.grid.pop()
                self.grid.insert(0, [" "] * self.cols)
            else:
                self.y -= 1
        elif seq == "\x1bc":
            self.__init__(self.cols, self.rows)
        elif seq == "\x1bD":
            self.newline()
        elif seq == "\x1bE":
            self.x = 0
            self.newline()
        else:
            self.unsupported[seq] = self.unsupported.get(seq, 0) + 1
        self.wrap_pending = False

    def erase(self, y, x0, x1):
        row = self.grid[y]
        for x in range(max(0, x0), min(self.cols, x1)):
            row[x] = " "

    def do_csi(self, seq):
        body = seq[2:-1]
        final = seq[-1]
        private = body[:1] if body[:1] in ("?", ">", "<", "=") else ""
        params_text = body[len(private):].rstrip(" !\"#$%&'()*+,-./")
        try:
            params = [int(p) if p else 0 for p in params_text.split(";")] if params_text else []
        except ValueError:
            params = []

        def arg(i=0, default=1):
            v = params[i] if i < len(params) else 0
            return v if v else default

        if private == "?":
            if final in ("h", "l"):
                on = final == "h"
                for p in params:
                    if p == 2026:
                        self.sync = on
                    elif p in (1049, 1047, 47):
                        if on and self.alt is None:
                            if p == 1049:
                                self.saved = (self.x, self.y)
                            self.alt = self.blank()
                            self.grid = self.alt
                        elif not on and self.alt is not None:
                            self.alt = None
                            self.grid = self.main
                            if p == 1049:
                                self.x, self.y = self.saved
            return
        if private:
            return
        if final == "m":
            return
        self.wrap_pending = False
        if final == "A":
            self.y = max(0, self.y - arg())
        elif final == "B":
            self.y = min(self.rows - 1, self.y + arg())
        elif final == "C":
            self.x = min(self.cols - 1, self.x + arg())
        elif final == "D":
            self.x = max(0, self.x - arg())
        elif final == "E":
            self.y = min(self.rows - 1, self.y + arg())
            self.x = 0
        elif final == "F":
            self.y = max(0, self.y - arg())
            self.x = 0
        elif final == "G" or final == "`":
            self.x = min(self.cols - 1, arg() - 1)
        elif final == "d":
            self.y = min(self.rows - 1, arg() - 1)
        elif final in ("H", "f"):
            self.y = min(self.rows - 1, arg(0) - 1)
            self.x = min(self.cols - 1, arg(1) - 1)
        elif final == "J":
            mode = params[0] if params else 0
            if mode == 0:
                self.erase(self.y, self.x, self.cols)
                for y in range(self.y + 1, self.rows):
                    self.erase(y, 0, self.cols)
            elif mode == 1:
                for y in range(0, self.y):
                    self.erase(y, 0, self.cols)
                self.erase(self.y, 0, self.x + 1)
            else:
                for y in range(self.rows):
                    self.erase(y, 0, self.cols)
        elif final == "K":
            mode = params[0] if params else 0
            if mode == 0:
                self.erase(self.y, self.x, self.cols)
            elif mode == 1:
                self.erase(self.y, 0, self.x + 1)
            else:
                self.erase(self.y, 0, self.cols)
        elif final == "X":
            self.erase(self.y, self.x, self.x + arg())
        elif final == "S":
            for _ in range(arg()):
                self.grid.pop(0)
                self.grid.append([" "] * self.cols)
        elif final == "T":
            for _ in range(arg()):
                self.grid.pop()
                self.grid.insert(0, [" "] * self.cols)
        elif final == "P":
            row = self.grid[self.y]
            n = min(arg(), self.cols - self.x)
            del row[self.x:self.x + n]
            row.extend([" "] * n)
        elif final == "@":
            row = self.grid[self.y]
            n = min(arg(), self.cols - self.x)
            row[self.x:self.x] = [" "] * n
            del row[self.cols:]
        elif final == "L":
            for _ in range(min(arg(), self.rows - self.y)):
                self.grid.pop()
                self.grid.insert(self.y, [" "] * self.cols)
        elif final == "M":
            for _ in range(min(arg(), self.rows - self.y)):
                self.grid.pop(self.y)
                self.grid.append([" "] * self.cols)
        elif final in ("r", "s", "u", "t", "n", "c", "q"):
            if final == "s":
                self.saved = (self.x, self.y)
            elif final == "u":
                self.x, self.y = self.saved
        else:
            key = "CSI " + seq[2:]
            self.unsupported[key] = self.unsupported.get(key, 0) + 1


# -- what the app's screens look like ---------------------------------------------------------

INDICATOR_RE = re.compile(r"(\d+)/(\d+)\s*$")
PERCENT_RE = re.compile(r"(\d+)%\s*$")
RULE_RE = re.compile(r"^\s*─{10,}\s*$")


def footer(lines):
    for line in reversed(lines):
        if line.strip():
            return line
    return ""


def list_position(lines):
    """(i, N) from the list's footer, or None when the list is not on screen."""
    m = INDICATOR_RE.search(footer(lines))
    if not m:
        return None
    if not any("post" in line for line in lines[:2]):
        return None
    return int(m.group(1)), int(m.group(2))


def reader_percent(lines):
    m = PERCENT_RE.search(footer(lines))
    return int(m.group(1)) if m else None


def reader_body(lines):
    """The rows between the header's rule and the footer."""
    last = len(lines) - 1
    while last >= 0 and not lines[last].strip():
        last -= 1
    for i, line in enumerate(lines[:last]):
        if RULE_RE.match(line):
            return lines[i + 1:last]
    return []


def selected_row(lines):
    for line in lines:
        if line.startswith("▌ "):
            return line
    return None


def check_cond(cond, lines):
    kind = cond["kind"]
    if kind == "text":
        return any(cond["text"] in line for line in lines)
    if kind == "list":
        return list_position(lines) is not None
    if kind == "reader":
        if reader_percent(lines) is None:
            return False
        text = cond.get("text")
        return text is None or any(text in line for line in lines)
    raise ValueError(f"unknown condition {kind!r}")


def check_expect(expect, before, lines):
    if expect.startswith("list"):
        now = list_position(lines)
        was = list_position(before)
        if now is None or was is None:
            return False
        if expect == "listDown":
            return now[0] == was[0] + 1
        if expect == "listPage":
            return now[0] > was[0]
        if expect == "listTop":
            return now[0] == 1
        raise ValueError(expect)
    percent = reader_percent(lines)
    if percent is None:
        return False
    body = reader_body(lines)
    old = reader_body(before)
    if not body or body == old:
        return False
    if expect == "readerLine":
        return len(old) > 1 and body[0] == old[1] and body[:-1] == old[1:]
    if expect in ("readerPage", "readerTop"):
        return True
    if expect == "readerEnd":
        return percent == 100
    raise ValueError(expect)


def needs_reset(expect, lines):
    if expect in ("listDown", "listPage"):
        pos = list_position(lines)
        return pos is not None and pos[0] >= pos[1]
    if expect in ("readerLine", "readerPage", "readerEnd"):
        percent = reader_percent(lines)
        return percent is not None and percent >= 99
    return False


RESET = {"list": ("g", "listTop"), "reader": ("g", "readerTop")}

# -- running one session ---------------------------------------------------------------------


class StepError(Exception):
    pass


class Session:
    def __init__(self, spec):
        self.spec = spec
        self.id = spec.get("id")
        self.mode = spec.get("mode", "pty")
        self.cols = int(spec.get("cols", 100))
        self.rows = int(spec.get("rows", 30))
        self.budget = float(spec.get("timeout", 60))
        self.times = {}
        self.latencies = {}
        self.bytes = {}
        self.resets = 0
        self.extra_frames = 0
        self.error = None
        self.status = None
        self.rusage = None
        self.master = None
        self.eof = False
        self.screen = Screen(self.cols, self.rows)
        self.total_bytes = 0
        self.last_output = 0.0
        self.snapshots = {}

    # process (test/support/pty_core.py)
    def spawn(self):
        spec = self.spec
        self.child = Child(spec["argv"], spec.get("env"), spec.get("cwd"), self.cols, self.rows, self.mode, spec.get("stderr") == "inherit")
        if self.child.error:
            raise RuntimeError(f"bench driver: cannot run {spec['argv'][0]}: {self.child.error}")
        self.t0 = self.child.t0
        self.pid = self.child.pid
        self.master = self.child.master
        self.deadline = self.t0 + self.budget

    def reap(self, block=False):
        done = self.child.reap(block)
        self.status = self.child.status
        self.rusage = self.child.rusage
        self.t_exit = self.child.t_exit
        return done

    def kill(self):
        if self.status is None:
            self.child.kill()
            self.reap(block=True)

    # output
    def read_chunks(self, timeout):
        """Wait up to timeout for output; return [(time, bytes)] of everything available.
        DA1 is answered as a terminal does."""
        chunks = self.child.read(timeout)
        self.eof = self.child.eof
        return chunks

    def consume(self, stamp, data):
        self.total_bytes += len(data)
        self.last_output = stamp
        self.screen.feed(data)

    def wait_until(self, predicate, until, what):
        """Feed output into the screen until predicate(lines) holds outside a sync block.
        Returns the time of the chunk that made it hold."""
        lines = self.screen.lines()
        if not self.screen.sync and predicate(lines):
            return time.monotonic()
        while True:
            now = time.monotonic()
            if now >= until:
                raise StepError(f"timed out waiting for {what}")
            chunks = self.read_chunks(min(until - now, 0.25))
            for index, (stamp, data) in enumerate(chunks):
                self.consume(stamp, data)
                if not self.screen.sync and predicate(self.screen.lines()):
                    # Feed whatever else arrived in the same batch (it belongs to later frames).
                    for later, rest in chunks[index + 1:]:
                        self.consume(later, rest)
                    return stamp
            if not chunks and self.eof and self.reap():
                raise StepError(f"the command ended before {what}")

    def quiet(self, gap, until):
        """Read until no output has come for `gap` seconds. Returns how many chunks arrived."""
        chunks_seen = 0
        while True:
            now = time.monotonic()
            if now - self.last_output >= gap:
                return chunks_seen
            if now >= until:
                raise StepError("the screen never became quiet")
            chunks = self.read_chunks(gap - (now - self.last_output))
            for stamp, data in chunks:
                self.consume(stamp, data)
                chunks_seen += 1
            if not chunks and self.eof:
                return chunks_seen

    def write(self, data):
        view = memoryview(data)
        while view:
            try:
                n = os.write(self.master, view)
            except BlockingIOError:
                select.select([], [self.master], [], 0.05)
                continue
            view = view[n:]

    def step_until(self, step, default=10.0):
        """A step's own deadline: its "timeout" (default 10 s per step), within the session's."""
        return min(self.deadline, time.monotonic() + float(step.get("timeout", default)))

    # steps
    def do_await(self, step):
        cond = step["await"]
        stamp = self.wait_until(lambda lines: check_cond(cond, lines), self.step_until(step), json.dumps(cond))
        self.times[step.get("label", "await")] = stamp - self.t0

    def press(self, data, expect_fn, until, what):
        """Write a key, wait for the expected screen. Returns (latency, bytes of output)."""
        before_bytes = self.total_bytes
        t_key = time.monotonic()
        self.write(data.encode("utf-8"))
        stamp = self.wait_until(expect_fn, until, what)
        return stamp - t_key, self.total_bytes - before_bytes

    def do_press(self, step):
        until = self.step_until(step)
        if "expect" in step:
            expect = step["expect"]
            before = self.screen.lines()
            latency, _ = self.press(step["press"], lambda lines: check_expect(expect, before, lines), until, expect)
        else:
            cond = step["await"]
            latency, _ = self.press(step["press"], lambda lines: check_cond(cond, lines), until, json.dumps(cond))
        self.times[step.get("label", "press")] = latency

    def do_select(self, step):
        text = step["select"]
        key = step.get("key", "\x1b[B")
        until = self.step_until(step)
        self.quiet(0.05, until)
        pos = list_position(self.screen.lines())
        if pos is not None and pos[0] != 1:
            before = self.screen.lines()
            self.press("g", lambda lines: check_expect("listTop", before, lines), until, "the first entry")
        for _ in range(int(step.get("max", 50))):
            self.quiet(0.05, until)
            row = selected_row(self.screen.lines())
            if row is not None and text in row:
                return
            before = self.screen.lines()
            self.press(key, lambda lines: check_expect("listDown", before, lines), until, f"selection of {text!r}")
        raise StepError(f"could not select {text!r}")

    def do_keys(self, step):
        keys = step["keys"]
        rounds = int(step.get("rounds", 20))
        gap = float(step.get("gap", 0.05))
        until = self.step_until(step)
        for _ in range(rounds):
            for key in keys:
                expect = key["expect"]
                self.quiet(gap, until)
                if needs_reset(expect, self.screen.lines()):
                    reset_key, reset_expect = RESET["list" if expect.startswith("list") else "reader"]
                    before = self.screen.lines()
                    self.press(reset_key, lambda lines: check_expect(reset_expect, before, lines), until, f"reset before {key['name']}")
                    self.resets += 1
                    self.quiet(gap, until)
                before = self.screen.lines()
                latency, nbytes = self.press(
                    key["bytes"], lambda lines: check_expect(expect, before, lines), until, f"{key['name']} ({expect})")
                self.latencies.setdefault(key["name"], []).append(latency)
                self.bytes.setdefault(key["name"], []).append(nbytes)
                # Output after the expected frame would be a late partial redraw.
                self.extra_frames += self.quiet(gap, until)

    def run(self):
        self.spawn()
        try:
            if self.mode == "pty":
                for index, step in enumerate(self.spec.get("steps") or []):
                    try:
                        if "press" in step:
                            self.do_press(step)
                        elif "await" in step:
                            self.do_await(step)
                        elif "select" in step:
                            self.do_select(step)
                        elif "keys" in step:
                            self.do_keys(step)
                        elif "snapshot" in step:
                            self.snapshots[str(step["snapshot"])] = self.screen.lines()
                        elif "idle" in step:
                            self.idle(float(step["idle"]))
                        else:
                            raise StepError(f"unknown step {step!r}")
                    except StepError as exc:
                        self.error = f"step {index}: {exc}"
                        break
                if not self.error and self.spec.get("quit"):
                    self.write(str(self.spec["quit"]).encode("utf-8"))
                self.finish_pty()
            else:
                # Block in wait4 (exact exit time); SIGALRM ends the wait at the budget.
                def expire(_signum, _frame):
                    raise TimeoutError()
                previous = signal.signal(signal.SIGALRM, expire)
                signal.setitimer(signal.ITIMER_REAL, max(0.001, self.deadline - time.monotonic()))
                try:
                    self.reap(block=True)
                except TimeoutError:
                    self.error = "timed out"
                    self.kill()
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                    signal.signal(signal.SIGALRM, previous)
        except BaseException:
            self.kill()
            raise
        return self.result()

    def idle(self, seconds):
        until = min(self.deadline, time.monotonic() + seconds)
        while time.monotonic() < until:
            for stamp, data in self.read_chunks(until - time.monotonic()):
                self.consume(stamp, data)

    def finish_pty(self):
        exit_by = min(self.deadline, time.monotonic() + (5 if not self.error else 0))
        if self.error:
            self.kill()
        while not self.reap():
            if time.monotonic() >= exit_by:
                if not self.error:
                    self.error = "did not exit after the quit key"
                self.kill()
                break
            for _, data in self.read_chunks(min(0.05, max(0.0, exit_by - time.monotonic()))):
                self.screen.feed(data)
        end = time.monotonic() + 1.0
        while not self.eof and time.monotonic() < end:
            for _, data in self.read_chunks(0.05):
                self.screen.feed(data)
        os.close(self.master)

    def result(self):
        status = self.status
        exit_code = os.WEXITSTATUS(status) if status is not None and os.WIFEXITED(status) else None
        sig = None
        if status is not None and os.WIFSIGNALED(status):
            try:
                sig = signal.Signals(os.WTERMSIG(status)).name
            except ValueError:
                sig = str(os.WTERMSIG(status))
        out = {
            "id": self.id,
            "exitCode": exit_code,
            "signal": sig,
            "wallSeconds": (self.t_exit - self.t0) if status is not None else None,
            "maxRssKB": self.rusage.ru_maxrss if self.rusage else None,
            "times": self.times,
            "latencies": self.latencies,
            "bytes": self.bytes,
            "resets": self.resets,
            "extraFrames": self.extra_frames,
            "error": self.error,
        }
        if self.mode == "pty":
            out["screen"] = self.screen.lines()
            if self.snapshots:
                out["snapshots"] = self.snapshots
            if self.screen.unsupported:
                out["unsupported"] = self.screen.unsupported
        return out


def floor_kb():
    pid = os.fork()
    if pid == 0:
        os.execv("/bin/true", ["true"])
    return os.wait4(pid, 0)[2].ru_maxrss


def main():
    spec = json.load(sys.stdin)

    def stop(signum, _frame):
        raise SystemExit(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, stop)
    results = []
    for session in spec["sessions"]:
        results.append(Session(session).run())
    sys.stdout.write(json.dumps({"results": results, "floorKB": floor_kb()}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
