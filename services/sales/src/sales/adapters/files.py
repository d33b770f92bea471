"""Ticket attachments' content, in sales' own database (antena_common.blobs)."""
from __future__ import annotations

import hashlib

from antena_common.blobs import BlobStore
from antena_common.errors import NotFound


class FileStore:
    def __init__(self, blobs: BlobStore):
        self.blobs = blobs

    @staticmethod
    def _key(ticket_id: str, attachment_id: str) -> str:
        return f"tickets/{ticket_id}/{attachment_id}"

    @staticmethod
    def digest(content: bytes) -> str:
        return hashlib.sha256(content).hexdigest()

    def save(self, uow, ticket_id: str, attachment_id: str, content: bytes) -> None:
        """In the unit of work's transaction: kept only with the attachment row."""
        self.blobs.put(uow, self._key(ticket_id, attachment_id), content)

    def read(self, ticket_id: str, attachment_id: str) -> bytes:
        try:
            return self.blobs.get(self._key(ticket_id, attachment_id))
        except NotFound:
            raise NotFound(f"the file of attachment {attachment_id} is missing") from None
