"""The key of the voters' hash: votes are kept once per (user, answer) under an HMAC of both, so
the database never holds a user's id; the key lives only in the state folder (mode 0600)."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

KEY_FILE = "voter.key"


def voter_key(state_dir: Path) -> bytes:
    """The key, created on first use."""
    path = state_dir / KEY_FILE
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    state_dir.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it meanwhile
        return path.read_bytes()
    with os.fdopen(fd, "wb") as f:
        f.write(secrets.token_bytes(32))
    return path.read_bytes()


def keyed_hash(key: bytes, *parts: object) -> str:
    return hmac.new(key, "\0".join(map(str, parts)).encode(), hashlib.sha256).hexdigest()
