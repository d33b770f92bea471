"""Multipart uploads checked at the edge, before they travel to a service over gRPC."""
from __future__ import annotations

from fastapi import HTTPException, UploadFile

from antena_common import files

EDGE_WORDING = files.Wording(too_large_detail="the file is larger than {max_bytes} bytes",
                             unsupported_detail="only {kinds} files are accepted (recognised by their content)")


def read_upload(upload: UploadFile, max_bytes: int, allowed: tuple[files.FileKind, ...] = files.DOCUMENTS) -> bytes:
    """The uploaded bytes: 413 above `max_bytes`, 415 for a kind not allowed (read from the
    content), 422 when empty. The service checks them again with the same rules."""
    content = upload.file.read(max_bytes + 1)  # never more than one byte past the limit
    try:
        files.check_upload(content, max_bytes=max_bytes, allowed=allowed, wording=EDGE_WORDING)
    except files.FileTooLarge as exc:
        raise HTTPException(413, exc.detail) from None
    except files.UnsupportedFileType as exc:
        raise HTTPException(415, exc.detail) from None
    return content
