"""Uploaded documents on disk (the database keeps their metadata)."""
from __future__ import annotations

from pathlib import Path


class FileStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def save(self, relative: str, data: bytes) -> str:
        path = (self.root / relative).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError("path escapes the document store")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        return str(path.relative_to(self.root.resolve()))

    def read(self, relative: str) -> bytes:
        return (self.root / relative).read_bytes()
