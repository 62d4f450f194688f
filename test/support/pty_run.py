#!/usr/bin/env python3
"""Run a command on a pseudo-terminal, drive it with scripted steps, report what happened.
The pseudo-terminal itself (start, read, exit status) is pty_core.py, shared with the bench.

Standard library only. Reads ONE JSON object on stdin and prints ONE JSON object on stdout.

Input
-----
{
  "argv":    ["node", "dist/blog-tui.js"],   # required; run with execvpe (PATH lookup)
  "cols":    80, "rows": 24,                # initial window size, set before exec
  "env":     {"NAME": "value", "OTHER": null}, # merged over this process's environment;
                                             # null removes a variable
  "cwd":     "/some/dir",                    # optional
  "timeout": 10,                             # overall budget in seconds for the whole run
  "answerQueries": true,                     # answer DA1 (ESC [ c) as a terminal does; false
                                             # plays a terminal that answers nothing
  "steps":   [ ... ]                         # executed in order, see below
}

Steps
-----
{"wait": "text"}            Wait until `text` (UTF-8) appears in the child's output. The
                            search starts where the previous successful wait's match ENDED
                            (the start of the output for the first wait), so consecutive waits
                            for the same text need two occurrences. Options:
                              "from": "previous" (default) | "start" (anywhere in the output)
                                      | "now" (only output that arrives after this step starts)
                                      | "mark:NAME" (output after the mark NAME, see below)
                              "timeout": seconds (default: whatever is left of the budget)
                            On timeout the run stops: the child is killed with SIGKILL and the
                            result has "timedOut": true and an "error" naming the step.
{"send": "j\\r"}             Write the string, UTF-8 encoded, to the terminal (JSON escapes such
                            as "\\r", "\\u0003", "\\u001b[B" give control bytes).
{"signal": "SIGTERM"}       Send a signal (name or number) to the child's pid.
                            "group": true sends it to the child's process group instead.
{"resize": [cols, rows]}    TIOCSWINSZ on the terminal, then SIGWINCH to the child. (Linux
                            already sends SIGWINCH to the foreground process group when the
                            size changes; standard signals do not queue, and Node only emits
                            'resize' when the size really changed, so the second one is
                            harmless.) "sigwinch": false skips the explicit signal.
{"waitRegex": "\\d+%"}      The same with a Python regular expression (re, matched against the
                            raw bytes, so escape sequences are part of the text); the key in
                            "waits" is the pattern.
{"waitTermios": {"icanon": false, "echo": false}}
                            Poll the terminal's local modes until they match (e.g. wait until
                            the app has put the terminal into raw mode before sending a
                            Ctrl-C byte). Same "timeout" option and failure as "wait".
{"waitStopped": true}       Wait until the child is stopped (state T in /proc; false: until it
                            runs again). Same "timeout" option and failure as "wait".
{"waitFile": "/path", "exists": false}
                            Wait until the file exists ("exists" true, the default) or is gone
                            (false), reading output meanwhile. Same "timeout" option and
                            failure as "wait".
{"sleep": 0.1}              Keep reading output for that many seconds. Avoid when a wait can
                            be used instead.
{"mark": "name"}            Record the time and the current output position under `name`.

The output is read continuously during every step (the child never blocks on a full
terminal buffer). After the steps the harness waits for the child to exit (up to the overall
budget; then SIGKILL, "timedOut": true), then keeps reading until EOF on the terminal (EIO on
Linux once every slave descriptor is closed), bounded by a short grace period in case some
grandchild keeps the terminal open.

Output
------
{
  "exitCode":  n | null,        # WEXITSTATUS when the child exited normally
  "signal":    "SIGTERM" | null,# signal name when the child was terminated by a signal
  "output":    "...",           # every byte the child wrote, decoded UTF-8, errors=replace
  "termios":   {"icanon": bool, "echo": bool, "isig": bool, "icrnl": bool, "opost": bool}
               | null,          # the terminal's modes read after the child exited
  "timedOut":  bool,
  "error":     "..." | null,    # why the run stopped early (a wait that timed out, ...)
  "marks":     {"name": seconds since start},
  "markOffsets": {"name": index into "output" at the time of the mark},
  "waits":     {"text": seconds since start when it was found}; a text waited for more than
               once gets keys "text", "text#2", "text#3", ...
  "waitOffsets": {same keys: index into "output" just after the match},
  "elapsed":   seconds,
  "pid":       child pid
}

Termios note (Linux): TCGETS on a pty MASTER returns the termios of the linked SLAVE
(tty_mode_ioctl uses tty->link for a pty master), and the slave's tty_struct and its termios
outlive the child for as long as the master is open. So the harness does not keep a slave
descriptor (that would prevent EOF); it reads the modes on the master after the child exited
and the output reached EOF.

Exit status of this script: 0 when the result was printed (whatever the child did), 2 on a
malformed spec.
"""

import json
import os
import re
import select
import signal
import sys
import termios
import time

from pty_core import Child, set_winsize

EOF_GRACE = 2.0  # seconds to keep reading for EOF after the child exited
KILL_GRACE = 3.0  # seconds to wait for the child to die after SIGKILL


def signal_number(value):
    if isinstance(value, int):
        return value
    name = str(value).upper()
    if not name.startswith("SIG"):
        name = "SIG" + name
    return int(getattr(signal, name))


def signal_name(number):
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)


def termios_flags(fd):
    try:
        iflag, oflag, _cflag, lflag, _ispeed, _ospeed, _cc = termios.tcgetattr(fd)
    except (termios.error, OSError):
        return None
    return {
        "icanon": bool(lflag & termios.ICANON),
        "echo": bool(lflag & termios.ECHO),
        "isig": bool(lflag & termios.ISIG),
        "icrnl": bool(iflag & termios.ICRNL),
        "opost": bool(oflag & termios.OPOST),
    }


class Run:
    def __init__(self, spec):
        self.answer_queries = spec.get("answerQueries", True) is not False
        self.spec = spec
        self.start = time.monotonic()
        self.deadline = self.start + float(spec.get("timeout", 10))
        self.buf = bytearray()
        self.eof = False
        self.status = None  # raw waitpid status once reaped
        self.pid = None
        self.master = None
        self.cursor = 0  # byte position after the previous wait's match
        self.marks = {}
        self.mark_offsets = {}
        self.mark_bytes = {}
        self.waits = {}
        self.wait_offsets = {}
        self.timed_out = False
        self.error = None

    # -- process -----------------------------------------------------------------------------

    def spawn(self):
        spec = self.spec
        self.child = Child(spec["argv"], spec.get("env"), spec.get("cwd"), int(spec.get("cols", 80)), int(spec.get("rows", 24)))
        self.pid = self.child.pid
        self.master = self.child.master
        if self.child.error:
            self.error = self.child.error

    def reap(self, block=False):
        done = self.child.reap(block)
        self.status = self.child.status
        return done

    def kill(self):
        if self.status is None:
            self.child.kill()
            end = time.monotonic() + KILL_GRACE
            while not self.reap() and time.monotonic() < end:
                self.pump(min(end, time.monotonic() + 0.05))

    # -- I/O -------------------------------------------------------------------------------

    def read_available(self):
        """Read everything the master has right now. Returns True when something was read."""
        chunks = self.child.read_now(self.answer_queries)
        self.eof = self.child.eof
        for _, data in chunks:
            self.buf += data
        return bool(chunks)

    def pump(self, until):
        """Read output until the monotonic time `until` (or EOF). Returns early when data came."""
        if self.eof:
            remaining = until - time.monotonic()
            if remaining > 0:
                time.sleep(min(remaining, 0.02))
            return False
        remaining = max(0.0, until - time.monotonic())
        try:
            ready, _, _ = select.select([self.master], [], [], min(remaining, 0.05))
        except InterruptedError:
            ready = []
        if ready:
            return self.read_available()
        return False

    def write_all(self, data, until):
        view = memoryview(data)
        while view:
            if time.monotonic() > until:
                raise TimeoutError("could not write to the terminal")
            try:
                _, writable, _ = select.select([self.master], [self.master], [], 0.05)
            except InterruptedError:
                continue
            self.read_available()  # never let the child block on its output while we write
            if writable:
                try:
                    n = os.write(self.master, view)
                except BlockingIOError:
                    continue
                view = view[n:]

    def now(self):
        return round(time.monotonic() - self.start, 4)

    def char_offset(self, byte_offset):
        """Index into the decoded output for a byte offset (moved back to a character start)."""
        while 0 < byte_offset < len(self.buf) and (self.buf[byte_offset] & 0xC0) == 0x80:
            byte_offset -= 1
        return len(self.buf[:byte_offset].decode("utf-8", "replace"))

    def unique_key(self, table, key):
        if key not in table:
            return key
        n = 2
        while f"{key}#{n}" in table:
            n += 1
        return f"{key}#{n}"

    # -- steps -------------------------------------------------------------------------------

    def step_deadline(self, step):
        if "timeout" in step:
            return min(self.deadline, time.monotonic() + float(step["timeout"]))
        return self.deadline

    def do_wait(self, step):
        if "waitRegex" in step:
            text = str(step["waitRegex"])
            pattern = re.compile(text.encode("utf-8"))
        else:
            text = str(step["wait"])
            pattern = None
            needle = text.encode("utf-8")
        origin = step.get("from", "previous")
        self.read_available()
        if origin == "start":
            base = 0
        elif origin == "now":
            base = len(self.buf)
        elif origin == "previous":
            base = self.cursor
        elif isinstance(origin, str) and origin.startswith("mark:") and origin[5:] in self.mark_bytes:
            base = self.mark_bytes[origin[5:]]
        else:
            raise ValueError(f"unknown wait origin {origin!r}")
        until = self.step_deadline(step)
        while True:
            if pattern is not None:
                match = pattern.search(self.buf, base)
                found, end = (match.start(), match.end()) if match else (-1, -1)
            else:
                found = self.buf.find(needle, base)
                end = found + len(needle)
            if found >= 0:
                self.cursor = end
                key = self.unique_key(self.waits, text)
                self.waits[key] = self.now()
                self.wait_offsets[key] = self.char_offset(end)
                return True
            if time.monotonic() >= until:
                self.fail(f"timed out waiting for {text!r}")
                return False
            if self.eof and self.reap():
                self.fail(f"the command ended before {text!r} appeared")
                return False
            self.pump(until)

    def do_wait_termios(self, step):
        want = step["waitTermios"]
        until = self.step_deadline(step)
        while True:
            flags = termios_flags(self.master)
            if flags is not None and all(flags.get(k) == bool(v) for k, v in want.items()):
                return True
            if time.monotonic() >= until:
                self.fail(f"timed out waiting for terminal modes {want!r} (now {flags!r})")
                return False
            if self.eof and self.reap():
                self.fail(f"the command ended before the terminal modes became {want!r}")
                return False
            self.pump(min(until, time.monotonic() + 0.01))

    def is_stopped(self):
        try:
            with open(f"/proc/{self.pid}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            return None
        return fields[0] in (b"T", b"t")

    def do_wait_stopped(self, step):
        want = bool(step["waitStopped"])
        until = self.step_deadline(step)
        while True:
            if self.is_stopped() == want:
                return True
            if time.monotonic() >= until:
                self.fail(f"timed out waiting for the command to be {'stopped' if want else 'running'}")
                return False
            if self.reap():
                self.fail("the command ended while waiting for it to stop or run")
                return False
            self.pump(min(until, time.monotonic() + 0.01))

    def do_wait_file(self, step):
        want = bool(step.get("exists", True))
        until = self.step_deadline(step)
        while True:
            if os.path.exists(step["waitFile"]) == want:
                return True
            if time.monotonic() >= until:
                self.fail(f"timed out waiting for {step['waitFile']} to {'exist' if want else 'be gone'}")
                return False
            self.pump(min(until, time.monotonic() + 0.01))

    def fail(self, message):
        self.error = message
        self.timed_out = "timed out" in message

    def run_steps(self):
        for index, step in enumerate(self.spec.get("steps") or []):
            if self.error:
                return
            if "wait" in step or "waitRegex" in step:
                if not self.do_wait(step):
                    self.error = f"step {index}: {self.error}"
                    return
            elif "waitTermios" in step:
                if not self.do_wait_termios(step):
                    self.error = f"step {index}: {self.error}"
                    return
            elif "waitStopped" in step:
                if not self.do_wait_stopped(step):
                    self.error = f"step {index}: {self.error}"
                    return
            elif "waitFile" in step:
                if not self.do_wait_file(step):
                    self.error = f"step {index}: {self.error}"
                    return
            elif "send" in step:
                try:
                    self.write_all(str(step["send"]).encode("utf-8"), self.deadline)
                except (TimeoutError, OSError) as exc:
                    self.fail(f"step {index}: send failed: {exc}")
                    return
            elif "signal" in step:
                sig = signal_number(step["signal"])
                try:
                    if step.get("group"):
                        os.killpg(self.pid, sig)
                    else:
                        os.kill(self.pid, sig)
                except ProcessLookupError:
                    pass
            elif "resize" in step:
                cols, rows = step["resize"]
                set_winsize(self.master, cols, rows)
                if step.get("sigwinch", True):
                    try:
                        os.kill(self.pid, signal.SIGWINCH)
                    except ProcessLookupError:
                        pass
            elif "sleep" in step:
                until = min(self.deadline, time.monotonic() + float(step["sleep"]))
                while time.monotonic() < until:
                    self.pump(until)
            elif "mark" in step:
                self.read_available()
                name = self.unique_key(self.marks, str(step["mark"]))
                self.marks[name] = self.now()
                self.mark_offsets[name] = self.char_offset(len(self.buf))
                self.mark_bytes[name] = len(self.buf)
            else:
                raise ValueError(f"step {index}: unknown step {step!r}")
            if time.monotonic() >= self.deadline:
                self.fail(f"step {index}: timed out (overall budget spent)")
                return

    def finish(self):
        if self.error:
            self.kill()
        # Wait for the child to exit, reading its output meanwhile.
        while not self.reap():
            if time.monotonic() >= self.deadline:
                self.fail(self.error or "timed out waiting for the command to exit")
                self.timed_out = True
                self.kill()
                break
            self.pump(self.deadline)
        self.reap(block=self.status is None)
        # Read the rest of the output, up to EOF.
        end = time.monotonic() + EOF_GRACE
        while not self.eof and time.monotonic() < end:
            self.pump(end)
        flags = termios_flags(self.master)
        os.close(self.master)
        status = self.status
        exit_code = os.WEXITSTATUS(status) if status is not None and os.WIFEXITED(status) else None
        sig = signal_name(os.WTERMSIG(status)) if status is not None and os.WIFSIGNALED(status) else None
        return {
            "exitCode": exit_code,
            "signal": sig,
            "output": self.buf.decode("utf-8", "replace"),
            "termios": flags,
            "timedOut": self.timed_out,
            "error": self.error,
            "marks": self.marks,
            "markOffsets": self.mark_offsets,
            "waits": self.waits,
            "waitOffsets": self.wait_offsets,
            "elapsed": self.now(),
            "pid": self.pid,
            "outputEof": self.eof,
        }


def main():
    try:
        spec = json.load(sys.stdin)
        if not isinstance(spec, dict) or not spec.get("argv"):
            raise ValueError('expected {"argv": [...], ...}')
    except ValueError as exc:
        print(json.dumps({"error": f"bad spec: {exc}"}))
        return 2
    # Killed from outside (a test runner's timeout): take the child down with us.
    def stop(signum, _frame):
        raise SystemExit(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, stop)
    run = Run(spec)
    run.spawn()
    try:
        if not run.error:
            run.run_steps()
        result = run.finish()
    except BaseException:
        run.kill()
        raise
    sys.stdout.write(json.dumps(result))
    sys.stdout.write("\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
