"""GeoReport v2 bodies in JSON or XML, the XML shaped as the spec's examples.

XML follows the spec's Spark convention: a list is an element whose children repeat a
singular name (services/service, attributes/attribute, values/value, endpoints/endpoint,
formats/format); booleans are ``true``/``false``; a missing value is an empty element.
"""

import json
from typing import Any
from xml.etree import ElementTree as ET

from fastapi.responses import Response

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
    element = ET.Element(root)
    _fill(element, body)
    ET.indent(element)
    text = ET.tostring(element, encoding="unicode", short_empty_elements=False)
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n").encode()


def respond(fmt: str, root: str, body: Any, status: int = 200, **headers: str) -> Response:
    """``body`` is the JSON value; ``root`` the XML root element holding it."""
    if fmt == "xml":
        return Response(
            to_xml(root, body), status_code=status, media_type=XML_TYPE, headers=headers
        )
    data = json.dumps(body, ensure_ascii=False).encode()
    return Response(data, status_code=status, media_type=JSON_TYPE, headers=headers)
