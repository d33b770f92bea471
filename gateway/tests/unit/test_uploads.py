"""Uploads at the edge: 413 above the limit (reading one byte past it at most), 415 by content, 422 when empty."""
import io

import pytest
from fastapi import HTTPException, UploadFile

from antena_common import files
from antena_common.errors import InvalidArgument
from gateway.entrypoints.uploads import read_upload

PDF = b"%PDF-1.7\n" + b"0" * 50


def _upload(data: bytes) -> UploadFile:
    return UploadFile(io.BytesIO(data), filename="x.pdf")


def test_an_allowed_file_is_returned_whole():
    assert read_upload(_upload(PDF), len(PDF)) == PDF


def test_too_large_is_413_without_reading_the_rest():
    upload = _upload(PDF * 1000)
    with pytest.raises(HTTPException) as exc:
        read_upload(upload, 100)
    assert (exc.value.status_code, exc.value.detail) == (413, "the file is larger than 100 bytes")
    assert upload.file.tell() == 101


def test_other_kinds_are_415_whatever_the_name_says():
    with pytest.raises(HTTPException) as exc:
        read_upload(_upload(b"MZ\x90\x00 not a pdf"), 100)
    assert exc.value.status_code == 415
    assert exc.value.detail == "only PDF, PNG or JPEG files are accepted (recognised by their content)"
    with pytest.raises(HTTPException) as images_only:
        read_upload(_upload(PDF), 100, allowed=files.IMAGES)
    assert images_only.value.detail == "only PNG or JPEG files are accepted (recognised by their content)"


def test_empty_is_a_field_error():
    with pytest.raises(InvalidArgument) as exc:
        read_upload(_upload(b""), 100)
    assert (exc.value.detail, exc.value.field_errors) == ("file: is empty", {"file": "is empty"})
