"""Uploads are recognised by their first bytes, limited in size, and refused with field errors."""
import grpc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from antena_common import files, rpc
from antena_common.errors import InvalidArgument

# Real heads: a PDF 1.7 header, a PNG signature + IHDR, a JFIF and an Exif JPEG start.
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001")
JFIF = bytes.fromhex("ffd8ffe000104a46494600010100000100010000")
EXIF = bytes.fromhex("ffd8ffe1001845786966000049492a0008000000")


@pytest.mark.parametrize("data, kind", [(PDF, files.PDF), (PNG, files.PNG), (JFIF, files.JPEG), (EXIF, files.JPEG)])
def test_kinds_are_recognised_by_their_first_bytes(data, kind):
    assert files.sniff(data) is kind
    assert (kind.content_type, kind.extension) in {("application/pdf", "pdf"), ("image/png", "png"),
                                                   ("image/jpeg", "jpg")}


@pytest.mark.parametrize("data", [b"", b"GIF89a\x01\x00", b"<html>%PDF-1.7", b"%PDF", b"\x89PNG\r\n", b"\xff\xd8",
                                  b"PK\x03\x04 a zip", b"MZ\x90\x00 an exe", b" %PDF-1.7"])
def test_anything_else_is_not_recognised(data):
    assert files.sniff(data) is None


def test_only_the_allowed_kinds_are_recognised():
    assert files.sniff(PDF, files.IMAGES) is None
    assert files.sniff(JFIF, files.IMAGES) is files.JPEG
    assert files.sniff(JFIF, (files.PNG,)) is None


@given(st.binary(max_size=64))
def test_sniff_matches_exactly_the_signatures(data):
    expected = [k for k in files.DOCUMENTS if data.startswith(k.magic)]
    assert files.sniff(data) is (expected[0] if expected else None)


def test_check_upload_returns_the_kind_up_to_the_limit_inclusive():
    data = PNG + b"\0" * 80
    assert files.check_upload(data, max_bytes=len(data)) is files.PNG
    with pytest.raises(files.FileTooLarge) as exc:
        files.check_upload(data, max_bytes=len(data) - 1)
    assert exc.value.detail == f"file: larger than {len(data) - 1} bytes"
    assert exc.value.field_errors == {"file": f"larger than {len(data) - 1} bytes"}


def test_refusals_are_invalid_arguments_naming_the_field_in_order_empty_size_type():
    with pytest.raises(files.EmptyFile) as empty:
        files.check_upload(b"", max_bytes=10, field="document_1")
    assert empty.value.field_errors == {"document_1": "is empty"} and empty.value.detail == "document_1: is empty"
    with pytest.raises(files.FileTooLarge):
        files.check_upload(b"GIF89a" + b"\0" * 20, max_bytes=10)  # size is checked before type
    with pytest.raises(files.UnsupportedFileType) as bad:
        files.check_upload(b"GIF89a", max_bytes=10, allowed=files.IMAGES, field="image")
    assert bad.value.field_errors == {"image": "only PNG or JPEG files are accepted"}
    for cls in (files.EmptyFile, files.FileTooLarge, files.UnsupportedFileType):
        assert issubclass(cls, InvalidArgument)
        assert rpc.HTTP_FOR[rpc._status_for(cls("x"))] == 422  # a clear 4xx problem, never a 500
    assert rpc._status_for(files.FileTooLarge("x")) == grpc.StatusCode.INVALID_ARGUMENT


def test_wording_keeps_each_callers_texts():
    spanish = files.Wording(empty="el archivo está vacío", too_large="supera {max_mb:g} MB",
                            unsupported="debe ser {extensions}", too_large_detail="{field}: too large",
                            unsupported_detail="{field}: not a {extensions}")
    with pytest.raises(files.FileTooLarge) as big:
        files.check_upload(PDF * 10, max_bytes=100, field="id_front", wording=spanish)
    assert big.value.field_errors == {"id_front": f"supera {100 / 1024 / 1024:g} MB"}
    assert big.value.detail == "id_front: too large"
    with pytest.raises(files.UnsupportedFileType) as bad:
        files.check_upload(b"GIF89a", max_bytes=5 * 1024 * 1024, field="id_front", wording=spanish)
    assert bad.value.field_errors == {"id_front": "debe ser PDF, PNG, JPG"}
    assert bad.value.detail == "id_front: not a PDF, PNG, JPG"
    with pytest.raises(files.EmptyFile) as empty:
        files.check_upload(b"", max_bytes=10, field="f", wording=spanish)
    assert empty.value.detail == "f: el archivo está vacío"
    with pytest.raises(files.UnsupportedFileType) as one:
        files.check_upload(JFIF, max_bytes=100, allowed=(files.PNG,), field="signature", wording=spanish)
    assert one.value.field_errors == {"signature": "debe ser PNG"}
