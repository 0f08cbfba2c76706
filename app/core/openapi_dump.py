"""Write the app's OpenAPI document without serving it: `python -m app.core.openapi_dump [FILE]`.

The PWA's API types (frontend/src/api/schema.gen.ts) are generated from this document by
`npm run api:generate`; `npm run api:check` fails when the committed file differs from what
the current server would generate. Nothing here opens a database or a socket.
"""

import json
import sys
from typing import Any


def document() -> dict[str, Any]:
    from app.main import create_app

    return create_app().openapi()


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    text = json.dumps(document(), ensure_ascii=False, indent=2) + "\n"
    if args and args[0] != "-":
        with open(args[0], "w", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
