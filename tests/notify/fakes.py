"""Fake receivers on 127.0.0.1: a webhook endpoint, the three group robots and a push service.

Each checks the request exactly as its platform documents it and answers as the platform
would (robots answer HTTP 200 with an error code when the signature is wrong). Used by the
tests, the kill-and-restart test and bench/notify.py.
"""

import base64
import hashlib
import hmac
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse


@dataclass
class Received:
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    ok: bool
    problem: str = ""

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class FakeReceiver:
    """Secrets per path prefix; `fail` maps a path prefix to HTTP statuses to answer first."""

    secrets: dict[str, str] = field(default_factory=dict)
    fail: dict[str, list[int]] = field(default_factory=dict)
    hang: dict[str, tuple[threading.Event, threading.Event]] = field(default_factory=dict)
    push_keys: dict[str, tuple[bytes, bytes]] = field(default_factory=dict)  # id → (private, auth)
    gone: set[str] = field(default_factory=set)
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    count_only: bool = False
    count: int = 0

    def start(self) -> "FakeReceiver":
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out as separate writes

            def log_message(self, *_args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                status, answer = receiver.handle(self.path, dict(self.headers.items()), body)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        class Server(ThreadingHTTPServer):
            request_queue_size = 128  # the stdlib's 5 resets connections from busy senders

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        for _arrived, release in self.hang.values():
            release.set()
        self.server.shutdown()
        self.server.server_close()

    # -- checks, one per platform --------------------------------------------------------

    def handle(self, raw_path: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        url = urlparse(raw_path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        prefix = url.path.strip("/").split("/")[0]
        if self.count_only:
            with self.lock:
                self.count += 1
            return 200, {"errcode": 0, "code": 0}
        if prefix in self.hang:
            # Hold the first request until released, then drop it unrecorded: its sender never
            # saw an answer (the test kills it meanwhile).
            arrived, release = self.hang.pop(prefix)
            arrived.set()
            release.wait(60)
            return 503, {"error": "abandoned"}
        with self.lock:
            statuses = self.fail.get(prefix)
            forced = statuses.pop(0) if statuses else None
        check = getattr(self, f"check_{prefix}", None)
        problem = check(url.path, query, headers, body) if check else f"unknown path {url.path}"
        if forced is not None:
            problem = problem or f"forced HTTP {forced}"
        ok = not problem
        with self.lock:
            self.received.append(Received(url.path, query, headers, body, ok, problem))
        if forced is not None:
            return forced, {"error": "forced"}
        return self.answer(prefix, problem)

    @staticmethod
    def answer(prefix: str, problem: str) -> tuple[int, Any]:
        if prefix in ("dingtalk", "wecom"):
            return 200, {"errcode": 310000 if problem else 0, "errmsg": problem or "ok"}
        if prefix == "feishu":
            return 200, {"code": 19021 if problem else 0, "msg": problem or "success"}
        if prefix == "push":
            return (410 if problem == "gone" else 400 if problem else 201), {}
        return (401 if problem else 200), {"problem": problem}

    def check_webhook(self, path: str, q: dict, h: dict, body: bytes) -> str:
        secret = self.secrets["webhook"]
        ts = h.get("X-RoadChief-Timestamp", "")
        want = (
            "sha256="
            + hmac.new(secret.encode(), f"{ts}.".encode() + body, hashlib.sha256).hexdigest()
        )
        if not h.get("X-RoadChief-Event-Id"):
            return "no X-RoadChief-Event-Id"
        if abs(time.time() - int(ts or 0)) > 300:
            return "stale timestamp"
        if not hmac.compare_digest(h.get("X-RoadChief-Signature", ""), want):
            return "bad signature"
        return ""

    def check_dingtalk(self, path: str, q: dict, h: dict, body: bytes) -> str:
        # 加签: base64(HmacSHA256(secret, timestamp_ms + "\n" + secret)), url-encoded in the query.
        secret = self.secrets["dingtalk"]
        ts = q.get("timestamp", "")
        if not q.get("access_token"):
            return "no access_token"
        if abs(time.time() * 1000 - int(ts or 0)) > 3600_000:
            return "timestamp more than an hour off"
        digest = hmac.new(secret.encode(), f"{ts}\n{secret}".encode(), hashlib.sha256).digest()
        if q.get("sign") != base64.b64encode(digest).decode():
            return "sign not match"
        doc = json.loads(body)
        if doc.get("msgtype") != "markdown" or not doc["markdown"].get("title"):
            return "not a markdown message"
        return ""

    def check_feishu(self, path: str, q: dict, h: dict, body: bytes) -> str:
        # 签名校验: base64(HmacSHA256(key=timestamp_s + "\n" + secret, msg="")) in the body.
        secret = self.secrets["feishu"]
        doc = json.loads(body)
        ts = str(doc.get("timestamp", ""))
        if abs(time.time() - int(ts or 0)) > 3600:
            return "timestamp is not within one hour"
        digest = hmac.new(f"{ts}\n{secret}".encode(), b"", hashlib.sha256).digest()
        if doc.get("sign") != base64.b64encode(digest).decode():
            return "sign match fail"
        if doc.get("msg_type") != "interactive" or "card" not in doc:
            return "not a card"
        return ""

    def check_wecom(self, path: str, q: dict, h: dict, body: bytes) -> str:
        doc = json.loads(body)
        if not q.get("key"):
            return "invalid webhook url, missing key"
        if doc.get("msgtype") != "markdown" or not doc["markdown"].get("content"):
            return "not a markdown message"
        return ""

    def check_push(self, path: str, q: dict, h: dict, body: bytes) -> str:
        """A push service: VAPID authorization, aes128gcm content the browser can decrypt."""
        import http_ece
        from cryptography.hazmat.primitives.asymmetric import ec

        sub_id = path.rsplit("/", 1)[-1]
        if sub_id in self.gone:
            return "gone"
        problem = self.check_vapid(h.get("Authorization", h.get("authorization", "")))
        if problem:
            return problem
        if h.get("Content-Encoding", h.get("content-encoding")) != "aes128gcm":
            return "not aes128gcm"
        private, secret = self.push_keys[sub_id]
        key = ec.derive_private_key(int.from_bytes(private, "big"), ec.SECP256R1())
        try:
            plain = http_ece.decrypt(body, private_key=key, auth_secret=secret, version="aes128gcm")
        except Exception as exc:
            return f"cannot decrypt: {exc}"
        self.decrypted.append(json.loads(plain))
        return ""

    decrypted: list[Any] = field(default_factory=list)

    def check_vapid(self, header: str) -> str:
        """RFC 8292: `vapid t=<ES256 JWT>, k=<public key>`; the JWT names this service as aud."""
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

        if not header.startswith("vapid "):
            return f"no VAPID authorization: {header!r}"
        params = dict(p.strip().split("=", 1) for p in header[6:].split(","))
        unb64 = lambda v: base64.urlsafe_b64decode(v + "=" * (-len(v) % 4))  # noqa: E731
        try:
            signing_input, _, sig = params["t"].rpartition(".")
            claims = json.loads(unb64(signing_input.split(".")[1]))
            key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64(params["k"]))
            raw = unb64(sig)
            der = encode_dss_signature(
                int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")
            )
            key.verify(der, signing_input.encode(), ec.ECDSA(hashes.SHA256()))
        except (KeyError, ValueError, InvalidSignature) as exc:
            return f"bad VAPID token: {exc!r}"
        if claims.get("aud") != self.url or claims.get("exp", 0) < time.time():
            return f"VAPID claims wrong: {claims}"
        if not str(claims.get("sub", "")).startswith("mailto:"):
            return "VAPID sub must be a mailto: or https: contact"
        return ""

    def ok(self, prefix: str) -> list[Received]:
        return [r for r in self.received if r.ok and r.path.strip("/").startswith(prefix)]
