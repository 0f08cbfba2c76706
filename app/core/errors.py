"""A small error hierarchy rendered as JSON by one handler."""

from typing import Any


class AppError(Exception):
    status_code = 400
    code = "bad_request"

    def __init__(self, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra


class Unauthenticated(AppError):
    status_code = 401
    code = "unauthenticated"


class Forbidden(AppError):
    status_code = 403
    code = "forbidden"


class NotFound(AppError):
    status_code = 404
    code = "not_found"


class Conflict(AppError):
    """The action does not fit the ticket's current state."""

    status_code = 409
    code = "conflict"


class PayloadTooLarge(AppError):
    status_code = 413
    code = "too_large"


class UnsupportedMedia(AppError):
    status_code = 415
    code = "unsupported_media"


class Invalid(AppError):
    status_code = 422
    code = "invalid"


class TooManyRequests(AppError):
    status_code = 429
    code = "slow_down"


class Unavailable(AppError):
    """The server is saturated: the client should retry (same Idempotency-Key) after a while."""

    status_code = 503
    code = "busy"

    def __init__(self, message: str, retry_after: int = 5, **extra: object) -> None:
        super().__init__(message, retry_after=retry_after, **extra)
        self.retry_after = retry_after
