"""SMS behind a provider interface; the logging provider is for development and tests.

A county with an SMS contract adds a provider here (Aliyun, Tencent Cloud …) and selects it
with ROADCHIEF_NOTIFY_SMS_PROVIDER. A provider calls its gateway through `http`, the guarded
client every sender uses (app/core/outbound.py), never a client of its own.
"""

import logging
from typing import Protocol

from app.notify.channels import Http, Message, Outcome
from app.notify.channels.render import plain
from app.notify.settings import get_notify_settings

log = logging.getLogger(__name__)


class SmsProvider(Protocol):
    def send(self, phone: str, text: str, http: Http) -> Outcome: ...


class LoggingProvider:
    """Writes each message to the log instead of sending it."""

    sent: list[tuple[str, str]] = []

    def send(self, phone: str, text: str, http: Http) -> Outcome:
        log.info("SMS to %s: %s", phone, text)
        self.sent.append((phone, text))
        return Outcome(True, "logged (no SMS provider configured)")


PROVIDERS: dict[str, SmsProvider] = {"log": LoggingProvider()}


def send(message: Message, http: Http) -> Outcome:
    if not message.phone:
        return Outcome(True, "no phone number on file; nothing to send")
    provider = PROVIDERS.get(get_notify_settings().sms_provider)
    if provider is None:
        return Outcome(False, f"unknown SMS provider {get_notify_settings().sms_provider!r}")
    return provider.send(message.phone, plain(message.payload), http)
