# RoadChief: build the PWA with Node, then run `roadchief serve` on Python.
# (No Docker engine runs on the development machines; this file is kept correct by reading.)

FROM node:20-bookworm-slim AS pwa
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
# vite writes the build to ../app/static (with a .br and .gz beside every text file)
RUN mkdir -p ../app && npm run build

# nginx in front (docker-compose.yml, `target: proxy`): serves the built PWA's hashed assets
# itself, precompressed, and passes the rest to the app.
FROM nginx:1.27-bookworm AS proxy
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=pwa /src/app/static/ /usr/share/roadchief/static/

FROM python:3.11-slim-bookworm
# Production runs behind HTTPS (the proxy terminates TLS): Secure cookies and HSTS.
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    ROADCHIEF_ENVIRONMENT=production \
    ROADCHIEF_COOKIE_SECURE=true \
    ROADCHIEF_VAR_DIR=/var/lib/roadchief
WORKDIR /srv/roadchief
COPY pyproject.toml alembic.ini requirements.lock ./
COPY app/ app/
COPY migrations/ migrations/
COPY --from=pwa /src/app/static/ app/static/
# The versions the tests ran with (requirements.lock); editable keeps migrations/ beside the
# package, where `roadchief migrate` finds them.
RUN pip install --no-cache-dir -c requirements.lock -e . \
 && useradd --system --home-dir /var/lib/roadchief --create-home roadchief
USER roadchief
VOLUME ["/var/lib/roadchief"]
EXPOSE 8000
# Database reachable, migrations at head, photo storage writable (GET /api/health).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/api/health', timeout=4).status != 200)"]
# ROADCHIEF_SECRET_KEY must be provided; `serve` migrates to head before serving.
CMD ["roadchief", "serve", "--host", "0.0.0.0", "--port", "8000"]
