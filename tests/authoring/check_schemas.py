#!/usr/bin/env python3
"""Validates pack TOML files against the pack's JSON Schemas.

    python check_schemas.py SCHEMA_DIR FILE.toml=SCHEMA_NAME [FILE.toml=SCHEMA_NAME ...]

Each FILE.toml is read with tomllib and validated against
SCHEMA_DIR/<SCHEMA_NAME>.schema.json (e.g. `course`, `bank`, `quizzes`,
`module-front-matter`), with the validator class its `$schema` names
(jsonschema.validators.validator_for; Draft 2020-12 when it names none).
For a module (`.md`), the TOML between its two leading `+++` lines is what is
validated. Prints one JSON line per file, in argument order:

    {"file": "courses/c/course.toml", "schema": "course", "valid": false,
     "errors": [{"path": "/format", "message": "'1' is not of type 'integer'"}]}

`path` is a JSON Pointer into the TOML document ("" for the document itself).
A file that cannot be read or parsed, or a schema that is missing or is not a
valid schema, is reported the same way with `valid: false` and one error whose
path is null. Exits 0 whatever it finds (the caller decides); 2 on bad usage.
Needs jsonschema (the authoring venv); tomllib needs Python 3.11.
"""

import json
import sys
import tomllib
from pathlib import Path

import jsonschema
from jsonschema.validators import validator_for


def pointer(path) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def toml_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    if path.suffix != ".md":
        return text
    lines = text.split("\n")
    if not lines or lines[0].strip() != "+++":
        raise ValueError("module does not start with a +++ front-matter line")
    for end in range(1, len(lines)):
        if lines[end].strip() == "+++":
            return "\n".join(lines[1:end])
    raise ValueError("front matter opened with +++ is never closed")


def check(schema_dir: Path, file: str, schema_name: str) -> dict:
    result = {"file": file, "schema": schema_name, "valid": False, "errors": []}

    def problem(message: str) -> dict:
        result["errors"].append({"path": None, "message": message})
        return result

    schema_path = schema_dir / f"{schema_name}.schema.json"
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return problem(f"cannot read schema {schema_path}: {e}")
    cls = validator_for(schema, default=jsonschema.Draft202012Validator)
    try:
        cls.check_schema(schema)
    except jsonschema.SchemaError as e:
        return problem(f"{schema_path} is not a valid {cls.__name__} schema: {e.message}")
    try:
        data = tomllib.loads(toml_text(Path(file)))
    except (OSError, ValueError) as e:  # tomllib.TOMLDecodeError is a ValueError
        return problem(f"cannot read {file}: {e}")

    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    result["errors"] = [{"path": pointer(e.absolute_path), "message": e.message} for e in errors]
    result["valid"] = not errors
    return result


def main(argv: list[str]) -> int:
    if len(argv) < 3 or any("=" not in a for a in argv[2:]):
        print("usage: check_schemas.py SCHEMA_DIR FILE.toml=SCHEMA_NAME [...]", file=sys.stderr)
        return 2
    schema_dir = Path(argv[1])
    sys.stdout.reconfigure(encoding="utf-8")
    for arg in argv[2:]:
        file, schema_name = arg.rsplit("=", 1)
        print(json.dumps(check(schema_dir, file, schema_name), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
