"""Attachment files on disk, under the data directory."""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from antena_common.errors import NotFound


class FileStore:
    def __init__(self, root: Path | str):
        self.root = Path(root)

    def _path(self, ticket_id: str, attachment_id: str) -> Path:
        return self.root / ticket_id[-2:] / ticket_id / attachment_id

    @staticmethod
    def digest(content: bytes) -> str:
        return hashlib.sha256(content).hexdigest()

    def save(self, ticket_id: str, attachment_id: str, content: bytes) -> None:
        path = self._path(ticket_id, attachment_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(content)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def delete(self, ticket_id: str, attachment_id: str) -> None:
        self._path(ticket_id, attachment_id).unlink(missing_ok=True)

    def read(self, ticket_id: str, attachment_id: str) -> bytes:
        try:
            return self._path(ticket_id, attachment_id).read_bytes()
        except FileNotFoundError:
            raise NotFound(f"the file of attachment {attachment_id} is missing") from None
