"""The outbound guard: what the server will and will not connect to, with a resolver stub
answering for names (no DNS server is asked) and small servers on this machine."""

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from app.core import outbound
from app.core.config import get_settings
from app.core.outbound import Allowed, Outbound, Refused, check

NOTHING = Allowed.parse("")


class Resolver:
    """Answers each name from a table, one answer after another (the last repeats)."""

    def __init__(self, table: dict[str, list[list[str]]]) -> None:
        self.table = table
        self.asked: list[str] = []

    def __call__(self, host: str, _port: int) -> list[str]:
        self.asked.append(host)
        answers = self.table.get(host)
        if not answers:
            raise socket.gaierror(f"unknown name {host}")
        return answers.pop(0) if len(answers) > 1 else answers[0]


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch):
    def install(table: dict[str, list[list[str]]]) -> Resolver:
        stub = Resolver(table)
        monkeypatch.setattr(outbound, "resolver", stub)
        return stub

    return install


@pytest.fixture
def server() -> Iterator[Any]:
    """A receiver on 127.0.0.1 that records each request; /redirect answers 302 elsewhere."""
    seen: list[dict[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: Any) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            seen.append({"path": self.path, "host": self.headers.get("Host", "")})
            if self.path.startswith("/redirect"):
                self.send_response(302)
                self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
            else:
                self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    httpd.seen = seen  # type: ignore[attr-defined]
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/api/health",
        "http://127.1.2.3/",
        "http://[::1]/",
        "http://10.0.0.5/hook",
        "http://172.20.1.1/",
        "http://192.168.1.10/",
        "http://169.254.169.254/latest/meta-data/",  # AWS, GCP, Azure, Tencent metadata
        "http://100.100.100.200/latest/meta-data/",  # Alibaba Cloud's metadata (CGNAT range)
        "http://100.64.0.1/",
        "http://0.0.0.0:8000/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:a9fe:a9fe]/",  # 169.254.169.254 inside IPv6
        "http://[fd00:ec2::254]/",  # AWS's IPv6 metadata
        "http://[fe80::1]/",
        "http://224.0.0.1/",
    ],
)
def test_loopback_private_link_local_cgnat_and_metadata_addresses_are_refused(url):
    with pytest.raises(Refused):
        check(url, NOTHING)


def test_public_addresses_and_names_that_resolve_to_them_pass(dns):
    dns({"hooks.example.cn": [["120.92.1.1", "2408:8000::1"]]})
    assert check("https://8.8.8.8/x", NOTHING).address == "8.8.8.8"
    target = check("https://hooks.example.cn/cgi?key=1", NOTHING)
    assert (target.address, target.host, target.path) == (
        "120.92.1.1",
        "hooks.example.cn",
        "/cgi?key=1",
    )


def test_a_name_resolving_to_any_private_address_is_refused(dns):
    dns(
        {
            "sneaky.example.cn": [["8.8.8.8", "127.0.0.1"]],
            "metadata.example.cn": [["169.254.169.254"]],
        }
    )
    for host in ("sneaky.example.cn", "metadata.example.cn"):
        with pytest.raises(Refused, match="private, loopback or metadata"):
            check(f"https://{host}/", NOTHING)
    with pytest.raises(Refused, match="cannot resolve"):
        check("https://nowhere.example.cn/", NOTHING)


def test_only_http_and_https(dns):
    for url in ("file:///etc/passwd", "gopher://8.8.8.8/", "ftp://8.8.8.8/", "https:///nohost"):
        with pytest.raises(Refused):
            check(url, NOTHING)


def test_a_county_lists_its_own_intranet_hosts_and_networks(dns):
    dns({"oa.county.local": [["10.9.9.9"]], "gw.sms.county.local": [["10.8.3.4"]]})
    county = Allowed.parse("oa.county.local, 10.8.0.0/16")
    assert check("http://oa.county.local/hook", county).address == "10.9.9.9"
    assert check("http://gw.sms.county.local/send", county).address == "10.8.3.4"
    assert check("http://10.8.200.1/", county).address == "10.8.200.1"
    with pytest.raises(Refused):
        check("http://10.9.9.9/", county)  # listed by name only, not as an address
    with pytest.raises(Refused):
        check("http://169.254.169.254/", county)


def test_the_setting_is_read_from_the_environment(monkeypatch, dns):
    monkeypatch.setenv("ROADCHIEF_OUTBOUND_ALLOW", "*.county.local")
    get_settings.cache_clear()
    try:
        dns({"a.county.local": [["10.1.1.1"]]})
        assert check("http://a.county.local/").address == "10.1.1.1"
        with pytest.raises(Refused):
            check("http://10.1.1.1/")
    finally:
        get_settings.cache_clear()


def test_the_address_checked_is_the_address_connected_to(dns, server, monkeypatch):
    """DNS rebinding: the first answer is allowed, later ones point at the metadata service.
    The name is resolved once per request and the connection goes to that address; nothing
    else resolves it again (the system resolver would fail the test)."""
    port = server.server_address[1]
    stub = dns({"hooks.county.local": [["127.0.0.1"], ["169.254.169.254"]]})

    def no_dns(host: str, *args: Any, **kw: Any) -> Any:
        raise AssertionError(f"something resolved {host} behind the guard's back")

    monkeypatch.setattr(outbound, "check", lambda url: check(url, Allowed.parse("127.0.0.1/32")))
    monkeypatch.setattr(socket, "getaddrinfo", _only_literals(no_dns))
    http = Outbound(5, 2)
    try:
        reply = http.post(f"http://hooks.county.local:{port}/hook", json={"a": 1})
        assert reply.status_code == 200
        assert server.seen == [{"path": "/hook", "host": f"hooks.county.local:{port}"}]
        with pytest.raises(Refused, match="169.254.169.254"):
            http.post(f"http://hooks.county.local:{port}/hook", json={"a": 2})
        assert len(server.seen) == 1 and stub.asked == ["hooks.county.local"] * 2
    finally:
        http.close()


def test_redirects_are_not_followed(server, monkeypatch):
    port = server.server_address[1]
    monkeypatch.setattr(outbound, "check", lambda url: check(url, Allowed.parse("127.0.0.1")))
    http = Outbound(5, 2)
    try:
        reply = http.post(f"http://127.0.0.1:{port}/redirect", json={})
    finally:
        http.close()
    assert reply.status_code == 302 and not reply.is_success
    assert [s["path"] for s in server.seen] == ["/redirect"]


def _only_literals(fallback):
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kw):
        try:
            import ipaddress

            ipaddress.ip_address(host)
        except ValueError:
            return fallback(host, *args, **kw)
        return real(host, *args, **kw)

    return getaddrinfo
