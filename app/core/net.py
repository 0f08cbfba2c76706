"""The client's address: the peer's, or X-Forwarded-For's when the peer is a trusted proxy."""

import ipaddress
from functools import lru_cache

from starlette.requests import Request

from app.core.config import get_settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(setting: str) -> tuple[Network, ...]:
    return tuple(
        ipaddress.ip_network(part.strip(), strict=False)
        for part in setting.split(",")
        if part.strip()
    )


def _trusted(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in networks)


def client_address(request: Request) -> str:
    """Who is asking, as far as can be known without believing what a client says of itself.

    X-Forwarded-For is read only when the direct peer is in ROADCHIEF_TRUSTED_PROXIES, and
    from the right: each trusted proxy appends the address it saw, so the first address from
    the right that is not a trusted proxy is the client (anything left of it is hearsay).
    """
    peer = request.client.host if request.client else ""
    networks = _networks(get_settings().trusted_proxies)
    if not networks or not _trusted(peer, networks):
        return peer
    hops = [
        hop.strip()
        for header in request.headers.getlist("x-forwarded-for")
        for hop in header.split(",")
        if hop.strip()
    ]
    for hop in reversed(hops):
        if not _trusted(hop, networks):
            return hop
    return hops[0] if hops else peer
