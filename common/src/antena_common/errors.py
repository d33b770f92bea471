"""Domain errors every service raises; the edges map them to gRPC and HTTP."""
from __future__ import annotations


class DomainError(Exception):
    """Base class: a rule of the domain refused the request."""

    code = "domain_error"

    def __init__(self, detail: str, *, field_errors: dict[str, str] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.field_errors = field_errors or {}


class NotFound(DomainError):
    code = "not_found"


class InvalidArgument(DomainError):
    code = "invalid_argument"


class Conflict(DomainError):
    """The request is valid but the current state forbids it (409)."""

    code = "failed_precondition"


class AlreadyExists(DomainError):
    code = "already_exists"


class PermissionDenied(DomainError):
    code = "permission_denied"


def require(condition: bool, field: str, message: str) -> None:
    if not condition:
        raise InvalidArgument(f"{field}: {message}", field_errors={field: message})


class FieldErrors:
    """Collects several field problems and raises them together."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def check(self, condition: bool, field: str, message: str) -> None:
        if not condition and field not in self.errors:
            self.errors[field] = message

    def raise_if_any(self) -> None:
        if self.errors:
            detail = "; ".join(f"{k}: {v}" for k, v in self.errors.items())
            raise InvalidArgument(detail, field_errors=self.errors)
