"""What /openapi.json promises, and the HTTP details a generated client relies on."""

from tests.factories import create_town, login, report


def test_errors_are_documented_as_they_are_sent(client):
    schema = client.get("/openapi.json").json()
    components = schema["components"]["schemas"]
    assert "HTTPValidationError" not in components
    assert set(components["ErrorBody"]["required"]) == {"detail", "code"}
    verify = schema["paths"]["/api/tickets/{ticket_id}/verify"]["post"]
    for status in ("401", "403", "404", "409", "413", "415", "422"):
        body = verify["responses"][status]["content"]["application/json"]["schema"]
        assert body == {"$ref": "#/components/schemas/ErrorBody"}, status
    token = schema["paths"]["/api/auth/token"]["post"]["responses"]
    assert "Retry-After" in token["429"]["headers"]
    assert "security" not in schema["paths"]["/api/auth/token"]["post"]


def test_sign_in_is_described_for_the_authorize_button(client):
    schema = client.get("/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes["password"]["flows"]["password"]["tokenUrl"] == "/api/auth/token"
    assert schemes["bearer"] == {"type": "http", "scheme": "bearer"}
    assert {"bearer": []} in schema["paths"]["/api/tickets"]["get"]["security"]


def test_formats_and_the_verify_body_are_declared(client):
    paths = client.get("/openapi.json").json()["paths"]
    params = {p["name"]: p for p in paths["/api/tickets/{ticket_id}/verify"]["post"]["parameters"]}
    assert params["Idempotency-Key"]["schema"]["pattern"] == "^[A-Za-z0-9_-]{8,64}$"
    clusters = {p["name"]: p for p in paths["/api/map/clusters"]["get"]["parameters"]}
    assert "pattern" in clusters["bbox"]["schema"]
    bulletin = {p["name"]: p for p in paths["/api/bulletin"]["get"]["parameters"]}
    assert bulletin["week"]["schema"]["pattern"] == r"^(\d{4}-W\d{2})?$"
    body = paths["/api/tickets/{ticket_id}/verify"]["post"]["requestBody"]["content"]
    assert body["application/json"]["schema"]["required"] == ["approved"]
    assert body["multipart/form-data"]["schema"]["properties"]["photo"]["type"] == "array"


def test_a_wrong_week_or_bbox_is_refused(client, db):
    headers = login(client, create_town(db).supervisor)
    r = client.get("/api/bulletin", params={"week": "49"}, headers=headers)
    assert r.status_code == 422 and r.json()["code"] == "invalid"
    assert client.get("/api/bulletin", params={"week": ""}, headers=headers).status_code == 200
    r = client.get("/api/map/clusters", params={"bbox": "1,2,3", "zoom": 14}, headers=headers)
    assert r.status_code == 422


def test_405_names_every_method_of_the_path(client):
    r = client.delete("/api/tickets")
    assert r.status_code == 405 and r.headers["allow"] == "GET, POST"
    assert r.json()["code"] == "http_error"
    r = client.get("/api/auth/token")  # the PWA's catch-all must not turn this into a 404
    assert r.status_code == 405 and r.headers["allow"] == "POST"
    r = client.get("/api/no-such-thing")
    assert r.status_code == 404 and r.json()["code"] == "not_found"


# Domains whose every JSON answer has a response model (the rest follow, domain by domain).
TYPED_TAGS = {
    "tickets",
    "categories",
    "auth",
    "organisation",
    "console",
    "campaigns",
    "tasks",
    "notifications",
    "citizens",
    "ledger",
    "health",
    "admin",
}


def _json_bodies(schema: dict) -> list[tuple[str, str, str, dict]]:
    found = []
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if not set(operation.get("tags", [])) & TYPED_TAGS:
                continue
            for status, response in operation["responses"].items():
                if status.startswith("2"):
                    body = response.get("content", {}).get("application/json")
                    if body is not None:
                        found.append((method, path, status, body["schema"]))
    return found


def test_every_json_answer_names_its_fields(client):
    """A generated client knows every field: no 2xx JSON answer is a bare `object`."""
    schema = client.get("/openapi.json").json()
    components = schema["components"]["schemas"]
    bodies = _json_bodies(schema)
    assert bodies
    for method, path, status, body in bodies:
        if body.get("type") == "array":
            body = body["items"]
        refs = [b.get("$ref") for b in body.get("oneOf", body.get("anyOf", [body]))]
        assert all(refs), f"{method.upper()} {path} {status} answers an unnamed {body}"
        for ref in refs:
            model = components[ref.rsplit("/", 1)[1]]
            assert model.get("properties"), f"{method.upper()} {path} {status}: {ref} has no fields"


def test_a_report_answered_directly_is_what_its_model_says(client, db):
    """Filing answers with its own JSONResponse (201 or a replay's 200), which FastAPI does not
    pass through the model: the body must still be exactly a TicketDetail."""
    from app.tickets.schemas import TicketDetail

    headers = login(client, create_town(db).inspector)
    r = report(client, headers)
    assert r.status_code == 201
    body = r.json()
    assert TicketDetail.model_validate(body).model_dump(mode="json") == body
    assert body["photos"] and body["events"] and body["can"]["add_photo"] is True
