"""The key of the voters' hash: votes are kept once per (user, answer) under an HMAC of both, so
the database never holds a user's id; the key lives only in the state folder (mode 0600)."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import tempfile
from pathlib import Path

KEY_FILE = "voter.key"


def voter_key(state_dir: Path) -> bytes:
    """The key, created on first use (whole or not at all, even with several processes starting)."""
    path = state_dir / KEY_FILE
    if not path.exists():
        state_dir.mkdir(parents=True, exist_ok=True)
        fd, draft = tempfile.mkstemp(dir=state_dir, prefix=".voter-key-")  # mode 0600
        try:
            os.write(fd, secrets.token_bytes(32))
            os.close(fd)
            with contextlib.suppress(FileExistsError):  # another process made it first: theirs is kept
                os.link(draft, path)
        finally:
            os.unlink(draft)
    return path.read_bytes()


def keyed_hash(key: bytes, *parts: object) -> str:
    return hmac.new(key, "\0".join(map(str, parts)).encode(), hashlib.sha256).hexdigest()
