"""GeoReport v2 bodies in JSON or XML, the XML shaped as the spec's examples.

XML follows the spec's Spark convention: a list is an element whose children repeat a
singular name (services/service, attributes/attribute, values/value, endpoints/endpoint,
formats/format); booleans are ``true``/``false``; a missing value is an empty element.
"""

import json
from functools import lru_cache
from typing import Any
from xml.etree import ElementTree as ET

from fastapi.responses import Response

from app.open311.service import RequestRow, present

SINGULAR = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}
XML_TYPE = "text/xml; charset=utf-8"
JSON_TYPE = "application/json; charset=utf-8"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _fill(element: ET.Element, value: Any) -> None:
    if isinstance(value, dict):
        for key, child in value.items():
            _fill(ET.SubElement(element, key), child)
    elif isinstance(value, list):
        for item in value:
            _fill(ET.SubElement(element, SINGULAR.get(element.tag, "item")), item)
    else:
        element.text = _text(value)


def to_xml(root: str, body: Any) -> bytes:
    element = _element(root, body)
    ET.indent(element)
    text = ET.tostring(element, encoding="unicode", short_empty_elements=False)
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n").encode()


def _element(tag: str, body: Any) -> ET.Element:
    element = ET.Element(tag)
    _fill(element, body)
    return element


# A list of service requests is rendered request by request, each rendering kept by its
# content (a RequestRow is every value it shows): after a change, only the requests that
# changed are rendered again. Bounded: a few hundred bytes each.
@lru_cache(maxsize=20_000)
def _request_json(row: RequestRow) -> str:
    return json.dumps(present(row), ensure_ascii=False, separators=(",", ":"))


@lru_cache(maxsize=20_000)
def _request_xml(row: RequestRow) -> str:
    element = _element("request", present(row))
    ET.indent(element, level=1)
    return ET.tostring(element, encoding="unicode", short_empty_elements=False)


def render_requests(fmt: str, rows: list[RequestRow]) -> tuple[bytes, str]:
    """A service_requests list, as `render` would make it, from the requests' renderings."""
    if fmt == "xml":
        if not rows:
            return to_xml("service_requests", []), XML_TYPE
        items = "\n  ".join(_request_xml(row) for row in rows)
        text = f"<service_requests>\n  {items}\n</service_requests>"
        return ('<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n").encode(), XML_TYPE
    return ("[" + ",".join(_request_json(row) for row in rows) + "]").encode(), JSON_TYPE


def render(fmt: str, root: str, body: Any) -> tuple[bytes, str]:
    """``body`` is the JSON value; ``root`` the XML root element holding it."""
    if fmt == "xml":
        return to_xml(root, body), XML_TYPE
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode(), JSON_TYPE


def respond(fmt: str, root: str, body: Any, status: int = 200, **headers: str) -> Response:
    data, media_type = render(fmt, root, body)
    return Response(data, status_code=status, media_type=media_type, headers=headers)
