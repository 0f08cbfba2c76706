"""The Docker files, read as Docker would (no Docker engine runs here)."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _dockerfile_copies() -> list[str]:
    """Sources of every COPY from the build context (not from another stage)."""
    sources = []
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        parts = line.split()
        if parts[:1] == ["COPY"] and not any(p.startswith("--from") for p in parts):
            sources += [p for p in parts[1:-1] if not p.startswith("--")]
    return sources


def _ignored(path: str, patterns: list[str]) -> bool:
    path = path.rstrip("/")
    for pattern in patterns:
        regex = re.escape(pattern.rstrip("/")).replace(r"\*\*/", "(.*/)?").replace(r"\*", "[^/]*")
        if re.fullmatch(regex + "(/.*)?", path):
            return True
    return False


def _dockerignore() -> list[str]:
    return [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]


def test_every_path_the_dockerfile_copies_exists_and_is_not_ignored():
    ignore = _dockerignore()
    copies = _dockerfile_copies()
    assert "requirements.lock" in copies and "migrations/" in copies
    for source in copies:
        assert (ROOT / source).exists(), source
        assert not _ignored(source, ignore), source
    for heavy in (".venv", "frontend/node_modules", "app/static", "var"):
        assert _ignored(heavy, ignore), heavy


def test_the_image_checks_its_health_and_sets_secure_cookies():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "ROADCHIEF_COOKIE_SECURE=true" in dockerfile
    assert re.search(r"^HEALTHCHECK .*\n?.*/api/health", dockerfile, re.M)
    assert "-c requirements.lock" in dockerfile


def test_the_compose_file_runs_two_apps_behind_a_proxy_on_postgres_and_minio():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    apps = [
        name for name, s in services.items() if s.get("image") == "roadchief" and "command" not in s
    ]
    assert len(apps) == 2
    for name in apps:
        env = services[name]["environment"]
        assert env["ROADCHIEF_DATABASE_URL"].startswith("postgresql+psycopg://")
        assert env["ROADCHIEF_STORAGE_URL"].startswith("s3://")
        assert (
            services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        )
    assert services["postgres"]["image"].startswith("postgres")
    assert services["minio"]["image"].startswith("minio/minio")
    proxy = services["proxy"]
    # nginx is built from the Dockerfile's proxy stage: its config and the PWA's files in it.
    assert proxy["build"]["target"] == "proxy"
    stage = (ROOT / "Dockerfile").read_text().split("AS proxy", 1)[1].split("\nFROM ", 1)[0]
    config = re.search(r"^COPY (\S+) /etc/nginx/conf\.d/default\.conf$", stage, re.M)
    assert config and "COPY --from=pwa /src/app/static/ /usr/share/roadchief/static/" in stage
    nginx = (ROOT / config[1]).read_text()
    assert all(f"server {name}:8000" in nginx for name in apps)
    assert "proxy_buffering off" in nginx  # the live map's event stream
    assert "root /usr/share/roadchief/static;" in nginx and "gzip_static on;" in nginx
    assert "http2 on;" in nginx and "listen 443 ssl;" in nginx
    assert "ssl_certificate /etc/nginx/certs/fullchain.pem;" in nginx
    assert "ssl_certificate_key /etc/nginx/certs/privkey.pem;" in nginx
    assert "./deploy/certs:/etc/nginx/certs:ro" in proxy["volumes"]
    assert _ignored("deploy/certs", _dockerignore())  # private keys stay out of the images


def test_the_lock_pins_every_dependency_the_project_names():
    pinned = {
        re.split(r"==", line)[0].lower().replace("_", "-")
        for line in (ROOT / "requirements.lock").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    }
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    named = project["dependencies"] + project["optional-dependencies"]["test"]
    for requirement in named:
        name = re.split(r"[<>=\[; ]", requirement)[0].lower().replace("_", "-")
        assert name in pinned, name
