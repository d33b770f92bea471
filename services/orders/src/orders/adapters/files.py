"""Photos and signatures on disk under the data directory, checked by content, not by name."""
from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from antena_common.errors import InvalidArgument

FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png")}


def sniff_image(data: bytes, field: str, max_bytes: int) -> tuple[str, str]:
    """(content type, extension) of a JPEG or PNG image; InvalidArgument otherwise."""
    if not data:
        raise InvalidArgument(f"{field}: empty file", field_errors={field: "empty file"})
    if len(data) > max_bytes:
        raise InvalidArgument(f"{field}: larger than {max_bytes} bytes",
                              field_errors={field: f"larger than {max_bytes} bytes"})
    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt = img.format
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise InvalidArgument(f"{field}: not a JPEG or PNG image", field_errors={field: "not a JPEG or PNG image"}) from None
    if fmt not in FORMATS:
        raise InvalidArgument(f"{field}: {fmt} images are not accepted (JPEG or PNG)",
                              field_errors={field: "JPEG or PNG only"})
    return FORMATS[fmt]


class FileStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def save(self, relative: str, data: bytes) -> str:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".up-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)  # atomic: never a half-written file
        return relative

    def read(self, relative: str) -> bytes:
        path = (self.root / relative).resolve()
        if self.root.resolve() not in path.parents:
            raise InvalidArgument("bad file path")
        return path.read_bytes()

    def remove(self, relative: str) -> None:
        try:
            (self.root / relative).unlink()
        except FileNotFoundError:
            pass
