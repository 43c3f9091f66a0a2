"""An offline FHIR R4 (4.0.1) validator for the tests, on HL7's own definitions.

scripts/fhir-definitions installs them (scripts/bootstrap runs it): the FHIR JSON schema,
the core resource and type StructureDefinitions and the value sets. A resource is checked
three ways:

1. the JSON schema (python3-jsonschema): element names (no unknown ones), JSON types,
   primitive formats (id, uri, code, dateTime ...) and the required elements;
2. every element of a required binding (CarePlan.status, ServiceRequest.intent,
   Timing.repeat.dayOfWeek ...) holds a code of its value set, expanded from the value
   sets and code systems of the FHIR specification; the schema does not check these;
3. every minimum cardinality of the StructureDefinitions, at every level (Annotation.text,
   Reference inside BackboneElements ...).

A Bundle's references to ``urn:uuid:`` fullUrls must resolve inside the Bundle.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import jsonschema

DEFAULT_DIR = Path(os.environ.get("HOME", "/root")) / ".cache" / "backbalance" / "fhir-r4"
FILES = ("fhir.schema.json", "profiles-resources.json", "profiles-types.json",
         "valuesets.json")


def definitions_dir() -> Path:
    return Path(os.environ.get("BACKBALANCE_FHIR_DIR", DEFAULT_DIR))


def available() -> bool:
    return all((definitions_dir() / f).exists() for f in FILES)


class Validator:
    def __init__(self, directory: Path | None = None) -> None:
        directory = directory or definitions_dir()
        self.schema = json.loads((directory / "fhir.schema.json").read_text())
        self.elements: dict[str, dict[str, Any]] = {}
        self.kinds: dict[str, str] = {}
        for name in ("profiles-types.json", "profiles-resources.json"):
            bundle = json.loads((directory / name).read_text())
            for entry in bundle["entry"]:
                sd = entry["resource"]
                if sd.get("resourceType") != "StructureDefinition":
                    continue
                if sd.get("derivation") == "constraint":
                    continue  # profiles (SimpleQuantity ...), not base types
                self.kinds[sd["type"]] = sd["kind"]
                for element in sd["snapshot"]["element"]:
                    self.elements[element["path"]] = element
        self.children: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for e_path, element in self.elements.items():
            parent, _, name = e_path.rpartition(".")
            if parent:
                self.children.setdefault(parent, []).append((name, element))
        self.codes = _ValueSets(json.loads((directory / "valuesets.json").read_text()))
        self._validators: dict[str, Any] = {}

    # --- 1. the JSON schema ------------------------------------------------------------
    def _schema_validator(self, resource_type: str) -> Any:
        if resource_type not in self._validators:
            schema = {"$ref": f"#/definitions/{resource_type}",
                      "definitions": self.schema["definitions"]}
            self._validators[resource_type] = jsonschema.Draft6Validator(schema)
        return self._validators[resource_type]

    def schema_errors(self, resource: dict[str, Any]) -> list[str]:
        kind = resource.get("resourceType")
        if kind not in self.schema["definitions"]:
            return [f"unknown resourceType {kind!r}"]
        return [f"{kind}/{resource.get('id')}: {'.'.join(map(str, e.absolute_path))}: "
                f"{e.message[:300]}"
                for e in self._schema_validator(kind).iter_errors(resource)]

    # --- 2 and 3. bindings and cardinalities ---------------------------------------------
    def _element(self, path: str) -> tuple[dict[str, Any] | None, str | None]:
        """The element definition of `path` (Type.a.b) and the type its value has, following
        complex data types, content references and choice elements ([x])."""
        parts = path.split(".")
        current = parts[0]
        element: dict[str, Any] | None = None
        value_type: str | None = parts[0]
        for name in parts[1:]:
            candidate = f"{current}.{name}"
            element = self.elements.get(candidate)
            chosen: str | None = None
            if element is None:
                # A choice: occurrenceTiming is occurrence[x] of type Timing.
                for child, e in self.children.get(current, []):
                    if child.endswith("[x]"):
                        stem, e_path = child[:-3], f"{current}.{child}"
                        if name.startswith(stem):
                            suffix = name[len(stem):]
                            for t in e.get("type", []):
                                if t["code"].lower() == suffix.lower():
                                    element, chosen, candidate = e, t["code"], e_path
                if element is None:
                    return None, None
            if "contentReference" in element:
                current = element["contentReference"].lstrip("#")
                value_type = None
                continue
            types = [t["code"] for t in element.get("type", [])]
            value_type = chosen or (types[0] if len(types) == 1 else None)
            if value_type in ("BackboneElement", "Element") or value_type is None:
                current = candidate
            else:
                current = value_type
        return element, value_type

    def _walk(self, value: Any, path: str, where: str) -> Iterator[str]:
        element, value_type = self._element(path)
        if element is None and "." in path:
            return  # unknown element: the schema reports it
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            at = f"{where}[{index}]" if isinstance(value, list) else where
            binding = (element or {}).get("binding", {})
            if binding.get("strength") == "required" and "valueSet" in binding:
                yield from self._check_binding(item, value_type, binding["valueSet"], at)
            if isinstance(item, dict):
                base = path if value_type in (None, "BackboneElement", "Element") \
                    or "." not in path else value_type
                if item.get("resourceType") and "." in path:
                    yield from self.resource_errors(item, at)
                    continue
                yield from self._cardinality(item, base, at)
                for key, child in item.items():
                    if key.startswith("_") or key in ("resourceType", "extension",
                                                       "modifierExtension"):
                        continue
                    yield from self._walk(child, f"{base}.{key}", f"{at}.{key}")

    def _cardinality(self, item: dict[str, Any], base: str, where: str) -> Iterator[str]:
        for name, e in self.children.get(base, []):
            if e.get("min", 0) < 1:
                continue
            e_path = f"{base}.{name}"
            if name.endswith("[x]"):
                stem = name[:-3]
                present = any(k.startswith(stem) and k[len(stem):len(stem) + 1].isupper()
                              for k in item)
            else:
                present = name in item
            if not present:
                yield f"{where}: {e_path} is required (min {e['min']})"

    def _check_binding(self, item: Any, value_type: str | None, value_set: str,
                       where: str) -> Iterator[str]:
        allowed = self.codes.expand(value_set)
        if allowed is None:
            return  # not enumerable from the specification's files (e.g. mime types)
        if value_type == "code" or isinstance(item, str):
            if item not in allowed:
                yield f"{where}: {item!r} is not in the required value set {value_set}"
        elif value_type == "CodeableConcept" and isinstance(item, dict):
            codes = [c.get("code") for c in item.get("coding", [])]
            if not any(c in allowed for c in codes):
                yield f"{where}: none of {codes} is in the required value set {value_set}"
        elif value_type == "Coding" and isinstance(item, dict):
            if item.get("code") not in allowed:
                yield f"{where}: {item.get('code')!r} is not in the required value set {value_set}"

    def resource_errors(self, resource: dict[str, Any], where: str = "") -> list[str]:
        kind = resource["resourceType"]
        at = where or f"{kind}/{resource.get('id')}"
        return list(self._walk(resource, kind, at))

    # --- everything ----------------------------------------------------------------------
    def errors(self, document: dict[str, Any]) -> list[str]:
        """Every problem of a resource or Bundle; [] when it is valid."""
        problems = self.schema_errors(document)
        problems += self.resource_errors(document)
        if document.get("resourceType") == "Bundle":
            full_urls = {e.get("fullUrl") for e in document.get("entry", [])}
            for entry in document.get("entry", []):
                resource = entry.get("resource", {})
                problems += self.schema_errors(resource)
                for reference in _references(resource):
                    if reference.startswith("urn:uuid:") and reference not in full_urls:
                        problems.append(f"{resource.get('resourceType')}/{resource.get('id')}: "
                                        f"reference {reference} resolves to no entry")
        return problems


def _references(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, child in value.items():
            if key == "reference" and isinstance(child, str):
                yield child
            else:
                yield from _references(child)
    elif isinstance(value, list):
        for child in value:
            yield from _references(child)


class _ValueSets:
    """Expands the value sets of the FHIR specification from its code systems."""

    def __init__(self, bundle: dict[str, Any]) -> None:
        self.value_sets: dict[str, dict[str, Any]] = {}
        self.code_systems: dict[str, dict[str, Any]] = {}
        for entry in bundle["entry"]:
            resource = entry["resource"]
            if resource["resourceType"] == "ValueSet":
                self.value_sets[resource["url"]] = resource
            elif resource["resourceType"] == "CodeSystem":
                self.code_systems[resource["url"]] = resource

    @lru_cache(maxsize=None)
    def expand(self, url: str) -> frozenset[str] | None:
        value_set = self.value_sets.get(url.split("|")[0])
        if value_set is None:
            return None
        codes: set[str] = set()
        for include in value_set.get("compose", {}).get("include", []):
            if include.get("filter") or include.get("valueSet"):
                return None
            if "concept" in include:
                codes.update(c["code"] for c in include["concept"])
                continue
            system = self.code_systems.get(include.get("system", ""))
            if system is None or "concept" not in system:
                return None
            codes.update(_concepts(system["concept"]))
        return frozenset(codes)


def _concepts(concepts: list[dict[str, Any]]) -> Iterator[str]:
    for concept in concepts:
        yield concept["code"]
        yield from _concepts(concept.get("concept", []))


@lru_cache(maxsize=1)
def validator() -> Validator:
    return Validator()
