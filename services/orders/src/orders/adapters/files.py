"""Photos and signatures on disk under the data directory, checked by content, not by name."""
from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from antena_common import files
from antena_common.errors import InvalidArgument

IMAGE_WORDING = files.Wording(empty="empty file", unsupported="not a JPEG or PNG image")


def sniff_image(data: bytes, field: str, max_bytes: int) -> tuple[str, str]:
    """(content type, extension) of a JPEG or PNG image that decodes; InvalidArgument otherwise."""
    kind = files.check_upload(data, max_bytes=max_bytes, allowed=files.IMAGES, field=field, wording=IMAGE_WORDING)
    try:  # the right first bytes are not enough for a photo: it must decode
        with Image.open(io.BytesIO(data), formats=("JPEG", "PNG")) as img:
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise InvalidArgument(f"{field}: not a JPEG or PNG image", field_errors={field: "not a JPEG or PNG image"}) from None
    return kind.content_type, kind.extension


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
