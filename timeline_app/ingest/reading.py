"""Read a file's bytes with every failure turned into a plain :class:`IngestError`."""
from __future__ import annotations

from pathlib import Path

from .errors import IngestError


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; refuses directories, missing or unreadable paths and files over the limit."""
    try:
        if path.is_dir():
            raise IngestError("is a folder, not an article")
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(
                f"the file is too large ({size / 2**20:.0f} MB; the limit is {max_bytes // 2**20} MB)"
            )
        with path.open("rb") as handle:
            # Read one byte past the limit: the file may have grown since stat().
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise IngestError("no such file") from None
    except PermissionError:
        raise IngestError("permission denied: the file cannot be read") from None
    except IsADirectoryError:
        raise IngestError("is a folder, not an article") from None
    except OSError as exc:
        raise IngestError(f"cannot read the file: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise IngestError(f"the file is too large (the limit is {max_bytes // 2**20} MB)")
    return raw
