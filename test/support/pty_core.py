"""The pseudo-terminal plumbing shared by the test harness (pty_run.py) and the bench driver
(test/bench/pty_driver.py): starting a command on a new pseudo-terminal (or with /dev/null as
its terminal), reading what it writes, answering the terminal queries a terminal answers, and
collecting its exit status and peak memory. Standard library only.
"""

import errno
import fcntl
import os
import select
import signal
import struct
import termios
import time

# What a terminal (a VT220) answers to the primary device attributes request ESC [ c.
DA1_REQUEST = b"\x1b[c"
DA1_ANSWER = b"\x1b[?62;22c"


def set_winsize(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", int(rows), int(cols), 0, 0))


def child_env(overrides):
    """This process's environment with `overrides` merged over it (None removes a variable)."""
    env = dict(os.environ)
    env.setdefault("TERM", "xterm-256color")
    for key, value in (overrides or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = str(value)
    return env


class Child:
    """A command started on a pseudo-terminal of cols x rows ("pty"), or with stdin and stdout
    on /dev/null ("null"; stderr too unless keep_stderr). `t0` is taken just before fork()."""

    def __init__(self, argv, env=None, cwd=None, cols=80, rows=24, mode="pty", keep_stderr=False):
        argv = [str(a) for a in argv]
        env = child_env(env)
        self.master = None
        self.status = None
        self.rusage = None
        self.t_exit = None
        self.eof = mode != "pty"
        self.error = None
        master = slave = devnull = None
        if mode == "pty":
            master, slave = os.openpty()
            set_winsize(slave, cols, rows)
        else:
            devnull = os.open(os.devnull, os.O_RDWR)
        # Error channel: the child reports a failed exec through it (closed on exec).
        err_r, err_w = os.pipe()
        os.set_inheritable(err_w, False)
        self.t0 = time.monotonic()
        pid = os.fork()
        if pid == 0:  # child
            try:
                os.close(err_r)
                if mode == "pty":
                    os.close(master)
                    os.setsid()
                    fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                    for fd in (0, 1, 2):
                        os.dup2(slave, fd)
                    if slave > 2:
                        os.close(slave)
                else:
                    os.dup2(devnull, 0)
                    os.dup2(devnull, 1)
                    if not keep_stderr:
                        os.dup2(devnull, 2)
                # Python ignores SIGPIPE (and an ignored signal stays ignored across exec);
                # give the command the dispositions a shell would.
                for sig in (signal.SIGPIPE, signal.SIGINT, signal.SIGTERM, signal.SIGHUP,
                            signal.SIGQUIT, signal.SIGWINCH, signal.SIGCHLD):
                    signal.signal(sig, signal.SIG_DFL)
                signal.pthread_sigmask(signal.SIG_SETMASK, [])
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], argv, env)
            except BaseException as exc:  # noqa: BLE001 - report anything, then die
                try:
                    os.write(err_w, repr(exc).encode("utf-8", "replace"))
                finally:
                    os._exit(127)
        os.close(err_w)
        if mode == "pty":
            os.close(slave)
            os.set_blocking(master, False)
            self.master = master
        else:
            os.close(devnull)
        failure = b""
        while True:
            chunk = os.read(err_r, 4096)
            if not chunk:
                break
            failure += chunk
        os.close(err_r)
        self.pid = pid
        if failure:
            self.error = "exec failed: " + failure.decode("utf-8", "replace")

    def reap(self, block=False):
        """True once the command has exited (status, rusage and t_exit are then set)."""
        if self.status is not None:
            return True
        try:
            pid, status, rusage = os.wait4(self.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return True
        if pid == 0:
            return False
        self.status = status
        self.rusage = rusage
        self.t_exit = time.monotonic()
        return True

    def kill(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def read_now(self, answer_queries=True):
        """Everything the terminal has right now, as [(time, bytes)]; sets eof at the end
        (EIO on Linux once every slave descriptor is closed). Answers DA1 as a terminal does."""
        chunks = []
        while not self.eof:
            try:
                data = os.read(self.master, 65536)
            except BlockingIOError:
                break
            except OSError as exc:
                if exc.errno == errno.EIO:
                    self.eof = True
                    break
                if exc.errno == errno.EINTR:
                    continue
                raise
            if not data:
                self.eof = True
                break
            chunks.append((time.monotonic(), data))
            if answer_queries and DA1_REQUEST in data:
                os.write(self.master, DA1_ANSWER)
        return chunks

    def read(self, timeout, answer_queries=True):
        """Waits up to `timeout` seconds for output, then returns what read_now returns."""
        if self.eof:
            if timeout > 0:
                time.sleep(min(timeout, 0.02))
            return []
        try:
            ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        except InterruptedError:
            return []
        return self.read_now(answer_queries) if ready else []

    def exit_code(self):
        status = self.status
        return os.WEXITSTATUS(status) if status is not None and os.WIFEXITED(status) else None

    def signal_name(self):
        status = self.status
        if status is None or not os.WIFSIGNALED(status):
            return None
        try:
            return signal.Signals(os.WTERMSIG(status)).name
        except ValueError:
            return str(os.WTERMSIG(status))
