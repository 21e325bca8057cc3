"""Write a file so that readers see either the old content or the new, never half of it.

Used by the exporter and the settings store: a crash or a full disk must not leave a truncated file.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def write_atomic(path: str | os.PathLike, data: bytes | str, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` atomically and return the path.

    The data goes to a temporary file in the same directory (so ``os.replace`` is a rename on one
    file system), is flushed and fsynced, then replaces ``path``. On any error the temporary file is
    removed, ``path`` keeps its old content (or stays absent), and the exception propagates.
    """
    payload = data.encode(encoding) if isinstance(data, str) else bytes(data)
    with replacing(path) as tmp:
        with open(tmp, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
    return Path(path)


@contextmanager
def replacing(path: str | os.PathLike, suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary path beside ``path`` for a writer that wants a file name (Qt's image writers);
    when the block ends without error the file there replaces ``path``, otherwise it is removed."""
    target = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp_name)
        # mkstemp creates 0600; give the file the permissions an ordinary open() would.
        os.chmod(tmp_name, 0o666 & ~_current_umask())
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    _fsync_directory(target.parent)


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
