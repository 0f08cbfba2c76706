"""钉钉 group robot in signed-secret mode (加签).

sign = urlencode(base64(HMAC-SHA256(key=secret, msg=timestamp_ms + "\\n" + secret))), sent as
the `timestamp` and `sign` query parameters beside the robot's access_token.
"""

import base64
import hashlib
import hmac
import time
from urllib.parse import quote_plus

from app.notify.channels import Http, Message, Outcome, http_outcome
from app.notify.channels.render import headline, markdown


def sign(secret: str, timestamp_ms: str) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256)
    return base64.b64encode(digest.digest()).decode()


def signed_url(url: str, secret: str) -> str:
    if not secret:
        return url
    timestamp = str(round(time.time() * 1000))
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}timestamp={timestamp}&sign={quote_plus(sign(secret, timestamp))}"


def body(message: Message) -> dict[str, object]:
    return {
        "msgtype": "markdown",
        "markdown": {"title": headline(message.payload), "text": markdown(message.payload)},
    }


def send(message: Message, http: Http) -> Outcome:
    url = signed_url(message.url, message.secret)
    return http_outcome(http.post(url, json=body(message)), ok_field="errcode")
