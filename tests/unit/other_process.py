"""Another process, for tests that need one: holding a store's lock, or already gone."""
import contextlib
import subprocess
import sys

from store.persist import lock

_HOLD = ("import sys, time; from filelock import FileLock; "
         "l = FileLock(sys.argv[1]); l.acquire(); print('held', flush=True); time.sleep(60)")


@contextlib.contextmanager
def holding_lock(store_path):
    """While inside, another process holds the write lock of the store at `store_path`."""
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(lock.lock_path(store_path))],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.wait()


def dead_pid() -> int:
    """The id of a process that has finished (and been reaped)."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True)
    return int(done.stdout)
