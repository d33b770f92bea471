"""Field photos and signatures: JPEG or PNG by content, decodable, within the size limit."""
import io

import pytest
from PIL import Image

from antena_common.errors import InvalidArgument
from orders.adapters.files import sniff_image


def _image(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, fmt)
    return out.getvalue()


@pytest.mark.parametrize("fmt, expected", [("PNG", ("image/png", "png")), ("JPEG", ("image/jpeg", "jpg"))])
def test_real_images_are_accepted_by_content(fmt, expected):
    assert sniff_image(_image(fmt), "file", 10_000) == expected


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b"%PDF-1.7 not an image", "not a JPEG or PNG image"),
    (_image("GIF"), "not a JPEG or PNG image"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "not a JPEG or PNG image"),  # right first bytes, does not decode
    (_image("PNG") * 400, "larger than 10000 bytes"),
])
def test_anything_else_is_refused_naming_the_field(data, message):
    with pytest.raises(InvalidArgument) as exc:
        sniff_image(data, "file", 10_000)
    assert exc.value.field_errors == {"file": message} and exc.value.detail == f"file: {message}"
