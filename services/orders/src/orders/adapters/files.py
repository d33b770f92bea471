"""Photos and signatures, checked by content, not by name (stored by antena_common.blobs)."""
from __future__ import annotations

import io

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
