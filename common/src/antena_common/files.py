"""Uploaded files: the type is read from the first bytes (never from the name or the
client's Content-Type), then checked against an allowed set and a size limit.

Three fixed signatures, so no detection library (filetype, puremagic): their wider,
heuristic matching would only widen what we must refuse anyway."""
from __future__ import annotations

from dataclasses import dataclass

from .errors import InvalidArgument


@dataclass(frozen=True)
class FileKind:
    content_type: str
    extension: str
    label: str
    magic: bytes


PDF = FileKind("application/pdf", "pdf", "PDF", b"%PDF-")
PNG = FileKind("image/png", "png", "PNG", b"\x89PNG\r\n\x1a\n")
JPEG = FileKind("image/jpeg", "jpg", "JPEG", b"\xff\xd8\xff")
DOCUMENTS = (PDF, PNG, JPEG)
IMAGES = (PNG, JPEG)
HEAD_BYTES = 16  # every signature above fits


def sniff(data: bytes, allowed: tuple[FileKind, ...] = DOCUMENTS) -> FileKind | None:
    """The allowed kind whose signature starts `data`; None for anything else."""
    head = data[:HEAD_BYTES]
    return next((kind for kind in allowed if head.startswith(kind.magic)), None)


class EmptyFile(InvalidArgument):
    """No bytes were sent."""


class FileTooLarge(InvalidArgument):
    """The content is over the size limit (the gateway answers 413)."""


class UnsupportedFileType(InvalidArgument):
    """The content is not one of the allowed kinds (the gateway answers 415)."""


@dataclass(frozen=True)
class Wording:
    """What each refusal says, so every caller keeps its own texts.

    `empty`, `too_large`, `unsupported` are the field messages; the `*_detail` ones are the
    problem detail (by default "<field>: <message>"). Placeholders: {field}, {max_bytes},
    {max_mb}, {kinds} ("PDF, PNG or JPEG"), {extensions} ("PDF, PNG, JPG"); details also {message}.
    """

    empty: str = "is empty"
    too_large: str = "larger than {max_bytes} bytes"
    unsupported: str = "only {kinds} files are accepted"
    empty_detail: str = "{field}: {message}"
    too_large_detail: str = "{field}: {message}"
    unsupported_detail: str = "{field}: {message}"


ENGLISH = Wording()


def check_upload(data: bytes, *, max_bytes: int, allowed: tuple[FileKind, ...] = DOCUMENTS, field: str = "file",
                 wording: Wording = ENGLISH) -> FileKind:
    """The kind of a non-empty upload of at most `max_bytes`; EmptyFile, FileTooLarge or
    UnsupportedFileType (all InvalidArgument, naming `field`) otherwise."""
    values = {"field": field, "max_bytes": max_bytes, "max_mb": max_bytes / (1024 * 1024),
              "kinds": _kinds(allowed), "extensions": ", ".join(k.extension.upper() for k in allowed)}
    if not data:
        raise _refusal(EmptyFile, wording.empty, wording.empty_detail, values)
    if len(data) > max_bytes:
        raise _refusal(FileTooLarge, wording.too_large, wording.too_large_detail, values)
    kind = sniff(data, allowed)
    if kind is None:
        raise _refusal(UnsupportedFileType, wording.unsupported, wording.unsupported_detail, values)
    return kind


def _kinds(allowed: tuple[FileKind, ...]) -> str:
    labels = [k.label for k in allowed]
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} or {labels[-1]}"


def _refusal(cls: type[InvalidArgument], message: str, detail: str, values: dict) -> InvalidArgument:
    message = message.format(**values)
    return cls(detail.format(message=message, **values), field_errors={values["field"]: message})
