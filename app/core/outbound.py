"""Every request the server makes to another system goes through one guarded client.

Web Push endpoints come from browsers (any signed-in user can send one); webhook and robot URLs
from admins. Neither may turn the server into a way to reach what only the server can reach:
its own loopback, the county's intranet, a cloud's metadata service. So, at send time:

- the host is resolved once, every address it resolves to must be public (not loopback,
  private, link-local, CGNAT/shared, multicast, reserved or unspecified; IPv4 inside IPv6
  judged as IPv4), unless the county listed the host or its network in
  `ROADCHIEF_OUTBOUND_ALLOW` (its own webhooks on the intranet);
- the connection goes to that checked address (TLS still verifies the certificate for the
  host name), so a DNS answer that changes between the check and the connect (rebinding)
  changes nothing;
- redirects are never followed: a 3xx is the receiver's answer, reported as a failed try.

`resolver` is a module attribute so tests can answer for any name without a DNS server.
"""

import ipaddress
import json
import socket
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import urllib3

from app.core.config import get_settings

IP = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
CGNAT = ipaddress.ip_network("100.64.0.0/10")  # also Alibaba Cloud's metadata, 100.100.100.200
MAX_POOLS = 64


class Refused(Exception):
    """A URL the server will not send to; the message says why."""


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


resolver: Callable[[str, int], list[str]] = system_resolver


def is_public(address: IP) -> bool:
    """Reachable on the internet, and not one of the ranges only this server can reach."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped or address.sixtofour
        if inner is not None:
            return is_public(inner)
    if address.is_multicast or (isinstance(address, ipaddress.IPv4Address) and address in CGNAT):
        return False
    return address.is_global


@dataclass(frozen=True)
class Allowed:
    """What a county lets its server reach on its own network: hosts, *.domains and CIDRs."""

    hosts: frozenset[str]
    suffixes: tuple[str, ...]
    networks: tuple[Network, ...]

    @classmethod
    def parse(cls, text: str) -> "Allowed":
        hosts, suffixes, networks = set(), [], []
        for entry in (e.strip().lower() for e in text.split(",")):
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                if entry.startswith("*."):
                    suffixes.append(entry[1:])
                else:
                    hosts.add(entry)
        return cls(frozenset(hosts), tuple(suffixes), tuple(networks))

    def host(self, host: str) -> bool:
        return host in self.hosts or host.endswith(self.suffixes)

    def address(self, address: IP) -> bool:
        return any(address in net for net in self.networks)


def host_matches(host: str, patterns: list[str]) -> bool:
    """`host` is one of `patterns` (exact names, or `*.example.com` for any subdomain)."""
    host = host.lower().rstrip(".")
    return any(
        host.endswith(p[1:]) if p.startswith("*.") else host == p
        for p in (p.strip().lower() for p in patterns)
        if p
    )


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    address: str
    path: str

    @property
    def host_header(self) -> str:
        default = 443 if self.scheme == "https" else 80
        name = f"[{self.host}]" if ":" in self.host else self.host
        return name if self.port == default else f"{name}:{self.port}"


def check(url: str, allowed: Allowed | None = None) -> Target:
    """Where `url` may be sent: its host resolved once and every address checked; Refused if not."""
    allowed = allowed if allowed is not None else Allowed.parse(get_settings().outbound_allow)
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise Refused(f"not a URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise Refused("only http:// and https:// URLs are sent to")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise Refused("the URL names no host")
    try:
        literal: IP | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [literal]
    else:
        try:
            addresses = [ipaddress.ip_address(a.split("%")[0]) for a in resolver(host, port)]
        except OSError as exc:
            raise Refused(f"cannot resolve {host}: {exc}") from None
        if not addresses:
            raise Refused(f"{host} resolves to no address")
    by_name = literal is None and allowed.host(host)
    for address in addresses:
        if not (by_name or allowed.address(address) or is_public(address)):
            raise Refused(
                f"{host} resolves to {address}, an address on a private, loopback or "
                "metadata network; list it in ROADCHIEF_OUTBOUND_ALLOW if the county means it"
            )
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(parts.scheme, host, port, str(addresses[0]), path)


@dataclass(frozen=True)
class Reply:
    status_code: int
    content: bytes
    reason: str = ""
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")

    def json(self) -> Any:
        return json.loads(self.content)


class Outbound:
    """The pooled client shared by the sending threads (urllib3: a fraction of the CPU per
    request of richer clients, which matters at hundreds of messages a second). One pool per
    checked address; no redirects, no retries of its own (the outbox retries)."""

    def __init__(self, timeout_s: float, connections: int) -> None:
        self.timeout = urllib3.Timeout(total=timeout_s)
        self.connections = connections
        self.pools: OrderedDict[tuple[str, str, int, str], urllib3.HTTPConnectionPool] = (
            OrderedDict()
        )
        self.lock = threading.Lock()

    def _pool(self, t: Target) -> urllib3.HTTPConnectionPool:
        key = (t.scheme, t.host, t.port, t.address)
        with self.lock:
            pool = self.pools.get(key)
            if pool is not None:
                self.pools.move_to_end(key)
                return pool
            options: dict[str, Any] = {
                "maxsize": self.connections,
                "block": False,
                "timeout": self.timeout,
                "retries": False,
            }
            if t.scheme == "https":
                # Connect to the checked address; SNI and the certificate are the host's.
                pool = urllib3.HTTPSConnectionPool(
                    t.address, t.port, server_hostname=t.host, assert_hostname=t.host, **options
                )
            else:
                pool = urllib3.HTTPConnectionPool(t.address, t.port, **options)
            self.pools[key] = pool
            if len(self.pools) > MAX_POOLS:
                _key, oldest = self.pools.popitem(last=False)
                oldest.close()
            return pool

    def post(
        self,
        url: str,
        *,
        json: Any = None,
        content: bytes | None = None,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float | None = None,
    ) -> Reply:
        """POST to `url` once (Refused before any connection if the guard says no)."""
        target = check(url)
        body = content if content is not None else data
        sent = {"User-Agent": "RoadChief-Notify/1", **dict(headers or {})}
        if json is not None:
            body = _dumps(json)
            sent.setdefault("Content-Type", "application/json; charset=utf-8")
        sent["Host"] = target.host_header
        r = self._pool(target).urlopen(
            "POST",
            target.path,
            body=body,
            headers=sent,
            redirect=False,
            retries=False,
            assert_same_host=False,
            timeout=urllib3.Timeout(total=timeout) if timeout else self.timeout,
        )
        return Reply(r.status, r.data, r.reason or "", dict(r.headers))

    def close(self) -> None:
        with self.lock:
            for pool in self.pools.values():
                pool.close()
            self.pools.clear()


def _dumps(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
