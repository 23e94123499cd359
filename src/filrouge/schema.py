"""The JSON Schema files of the ``filrouge/1`` contract, generated from the data model.

``python -m filrouge.schema`` rewrites ``schema/*.json``; a test fails when the committed files
and the model disagree, so the documented contract cannot drift from the code.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from filrouge.model import SCHEMA_VERSION, Article, Story

SCHEMAS: dict[str, type[Article] | type[Story]] = {"article": Article, "story": Story}


def schema_for(name: str) -> dict[str, Any]:
    model = SCHEMAS[name]
    schema = model.model_json_schema(by_alias=True, mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://filrouge.example/schema/{SCHEMA_VERSION.replace('/', '-')}.{name}.json",
        **schema,
    }


def schema_path(root: Path, name: str) -> Path:
    return root / "schema" / f"{SCHEMA_VERSION.replace('/', '-')}.{name}.json"


def write_all(root: Path) -> list[Path]:
    written = []
    for name in SCHEMAS:
        path = schema_path(root, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(schema_for(name), ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()):
        print(written_path)
