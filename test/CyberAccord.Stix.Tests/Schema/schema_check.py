"""Judges STIX objects with the OASIS JSON schemas, using Python's jsonschema: an implementation
independent of ours. Reads JSON lines {"name", "object"} on stdin, writes {"name", "valid", "error"}."""
import json
import os
import sys

import jsonschema

root = sys.argv[1]
schemas = {}
for folder, _, files in os.walk(root):
    for name in files:
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                schema = json.load(handle)
            schemas[schema["$id"]] = schema

by_type = {}
for schema_id, schema in schemas.items():
    kind = schema_id.rsplit("/", 2)[-2]
    base = schema_id.rsplit("/", 1)[-1][:-5]
    if kind in ("sdos", "sros", "observables") or base in ("marking-definition", "language-content", "extension-definition", "bundle"):
        by_type[base] = schema

try:
    from referencing import Registry, Resource
    registry = Registry().with_resources((i, Resource.from_contents(s)) for i, s in schemas.items())
    def validator_for(schema):
        return jsonschema.Draft202012Validator(schema, registry=registry, format_checker=jsonschema.FormatChecker())
except ImportError:  # jsonschema before 4.18
    def validator_for(schema):
        resolver = jsonschema.RefResolver.from_schema(schema, store=schemas)
        return jsonschema.Draft202012Validator(schema, resolver=resolver, format_checker=jsonschema.FormatChecker())

validators = {t: validator_for(s) for t, s in by_type.items()}
for line in sys.stdin:
    item = json.loads(line)
    obj = item["object"]
    validator = validators.get(obj.get("type")) if isinstance(obj, dict) else None
    if validator is None:
        print(json.dumps({"name": item["name"], "valid": None, "error": "no schema"}))
        continue
    error = jsonschema.exceptions.best_match(validator.iter_errors(obj))
    print(json.dumps({"name": item["name"], "valid": error is None, "error": None if error is None else error.message[:300]}))
    sys.stdout.flush()
