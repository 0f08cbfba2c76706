"""企业微信 group robot: markdown message to the robot's webhook URL (the key is in the URL)."""

from app.notify.channels import Http, Message, Outcome, http_outcome
from app.notify.channels.render import markdown


def body(message: Message) -> dict[str, object]:
    return {"msgtype": "markdown", "markdown": {"content": markdown(message.payload)}}


def send(message: Message, http: Http) -> Outcome:
    return http_outcome(http.post(message.url, json=body(message)), ok_field="errcode")
