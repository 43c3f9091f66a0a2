"""Results: a week (Plan), a verdict on a week (Evaluation), next week (NextWeek), the
replacements for one use (Alternatives).

Each holds the library's JSON text exactly as the C ABI wrote it (``to_json()`` is byte
for byte what ``backbalance plan --format json`` prints) and reads as a mapping of the
parsed document, with typed properties for the common fields.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Iterator, Optional, TypedDict, Union, cast

DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class Dose(TypedDict, total=False):
    """An item's dose, one of the forms of plan model section 2: ``{"sets", "reps"}``,
    ``{"hold_seconds", "reps"}`` or ``{"minutes"}``."""

    sets: int
    reps: int
    hold_seconds: int
    minutes: int


class Advisory(TypedDict):
    """Advice that comes with a week: a stable ``code`` and a ``text`` that may change."""

    code: str
    text: str


class Diagnosis(TypedDict):
    """Why no week exists: a stable ``code`` (``too_few_days`` ...) and a sentence."""

    code: str
    text: str


class Violation(TypedDict):
    """One broken hard rule of a judged week (``day``/``exercise`` None for the week)."""

    rule: str
    day: Optional[int]
    exercise: Optional[str]
    detail: str


class Change(TypedDict):
    """One difference between a repaired week and the week it repaired (plan model 12):
    ``change`` is ``"removed"``, ``"added"`` or ``"changed"`` (phase or minutes)."""

    day: int
    exercise: str
    change: str


@dataclass(frozen=True)
class Item:
    """One exercise on one day."""

    exercise: str
    phase: str  # "warmup", "main" or "cooldown"
    minutes: int
    dose: Optional[Dose] = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Exclusion:
    """An exercise the profile cannot use, and why (plan model section 4)."""

    exercise: str
    reason: str  # "equipment", "contraindicated:sciatica", "caution:pregnancy", ...
    #: For ``contraindicated:<condition>`` only: the condition rule entry that matched
    #: (``"spinal_flexion+external_load"``), or ``"marked"`` for the item's own marking.
    because: Optional[str] = None


def _exclusions(entries: list[dict[str, Any]]) -> list[Exclusion]:
    return [Exclusion(e["exercise"], e["reason"], e.get("because")) for e in entries]


@dataclass(frozen=True)
class Day:
    day: int  # 0 = monday .. 6 = sunday
    minutes: int
    items: tuple[Item, ...]

    @property
    def name(self) -> str:
        return DAY_NAMES[self.day]

    @property
    def rest(self) -> bool:
        return not self.items


class _Document(Mapping[str, Any]):
    """A JSON document from the library: its exact text, parsed on first use."""

    __slots__ = ("_text", "_parsed")

    def __init__(self, text: str):
        self._text = text
        self._parsed: Optional[dict[str, Any]] = None

    @property
    def _document(self) -> dict[str, Any]:
        if self._parsed is None:
            self._parsed = json.loads(self._text)
        return self._parsed

    def __getitem__(self, key: str) -> Any:
        # A deep copy of a list or object: the document is read-only, and a caller who
        # changed what it returned (``plan["days"].append(...)``) changed the plan itself.
        value = self._document[key]
        return copy.deepcopy(value) if isinstance(value, (dict, list)) else value

    def __iter__(self) -> Iterator[str]:
        return iter(self._document)

    def __len__(self) -> int:
        return len(self._document)

    def to_json(self) -> str:
        """The document as the library wrote it (two-space indented, newline-terminated)."""
        return self._text

    def to_json_line(self) -> str:
        """The same document on one line, for JSON-lines files. Only the layout changes:
        numbers and strings keep the library's exact text (its strings never hold a raw
        newline, so every newline is indentation)."""
        return re.sub(r"\n *", "", self._text)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Document):
            return type(self) is type(other) and self._text == other._text
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._text)

    def __reduce__(self) -> tuple[Any, tuple[str, ...]]:
        return (type(self), (self._text,))


class Plan(_Document):
    """A week of exercise (backbalance.plan/1).

    >>> plan.status, plan.score        # doctest: +SKIP
    ('ok', 90.56111111111113)
    >>> plan.days[0].items[0].exercise  # doctest: +SKIP
    'marching_in_place'
    """

    __slots__ = ()

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "Plan":
        """A plan read from a document (e.g. one a clinician wrote), its form checked by
        the library. Raises InvalidInput naming each problem."""
        from .planner import _checked_plan_text  # the library reads it; avoids a cycle

        if isinstance(text, bytes):
            text = text.decode("utf-8")
        return cls(_checked_plan_text(text))

    @property
    def status(self) -> str:
        """"ok", "infeasible" (see ``diagnosis``) or "refer" (a red flag)."""
        return str(self["status"])

    @property
    def score(self) -> Optional[float]:
        score = self.get("score")
        return None if score is None else float(score)

    @property
    def score_terms(self) -> dict[str, float]:
        """Each term of the score in [0, 1], by name (``aerobic`` .. ``preference``, and
        ``mix``, the least-covered weighted category, since model 2); empty for a plan
        that is not ``ok``."""
        return dict(self.get("score_terms", {}))

    @property
    def model(self) -> Optional[int]:
        """The plan model version the plan follows (``provenance.model``): 2 for this
        library's plans, 1 for a plan written before model 2 (no ``model`` field), None for
        a document without provenance."""
        provenance = self.get("provenance")
        return None if provenance is None else provenance.get("model", 1)

    @property
    def provenance(self) -> Optional[dict[str, Any]]:
        """``library``, ``model`` and ``catalog_sha256``, when the plan carries them."""
        provenance = self.get("provenance")
        return None if provenance is None else dict(provenance)

    @property
    def days(self) -> list[Day]:
        return [
            Day(day=int(d["day"]), minutes=int(d.get("minutes", 0)), items=tuple(
                Item(exercise=i["exercise"], phase=i["phase"], minutes=int(i["minutes"]),
                     dose=cast(Optional[Dose], i.get("dose")),
                     notes=tuple(i.get("notes", ())))
                for i in d["items"]))
            for d in self["days"]
        ]

    @property
    def excluded(self) -> list[tuple[str, str]]:
        """(exercise, reason) for each exercise the profile cannot use."""
        return [(e["exercise"], e["reason"]) for e in self.get("excluded", [])]

    @property
    def exclusions(self) -> list[Exclusion]:
        """Each exercise the profile cannot use, with its reason and, for a
        contraindication, ``because`` (the rule entry, or ``"marked"``)."""
        return _exclusions(self.get("excluded", []))

    @property
    def advisories(self) -> list[Advisory]:
        return [Advisory(code=a["code"], text=a["text"]) for a in self.get("advisories", [])]

    @property
    def diagnosis(self) -> list[Diagnosis]:
        return [Diagnosis(code=d["code"], text=d["text"]) for d in self.get("diagnosis", [])]

    @property
    def changes(self) -> Optional[list[Change]]:
        """What a repair changed (:meth:`Planner.repair`), in day, then exercise order;
        ``[]`` for a week that was already valid, None for a plan that is not a repair."""
        changes = self.get("changes")
        if changes is None:
            return None
        return [Change(day=int(c["day"]), exercise=c["exercise"], change=c["change"])
                for c in changes]

    def __repr__(self) -> str:
        return f"<backbalance.Plan status={self.status} score={self.score}>"


class Evaluation(_Document):
    """The verdict on one week (backbalance.evaluation/1)."""

    __slots__ = ()

    @property
    def valid(self) -> bool:
        """True when the week breaks no hard rule."""
        return bool(self["valid"])

    @property
    def score(self) -> float:
        return float(self["score"])

    @property
    def violations(self) -> list[Violation]:
        """Each broken-rule instance: ``rule`` ("H1".."H10"), ``day``, ``exercise``, ``detail``."""
        return [Violation(rule=v["rule"], day=v.get("day"), exercise=v.get("exercise"),
                          detail=v.get("detail", "")) for v in self["violations"]]

    @property
    def score_terms(self) -> dict[str, float]:
        """Each term of the score by name, ``mix`` included (computed for invalid weeks too)."""
        return dict(self["score_terms"])

    @property
    def penalties(self) -> dict[str, float]:
        """The points subtracted: ``caution``, ``windows``, ``minutes``."""
        return dict(self["penalties"])

    @property
    def exclusions(self) -> list[Exclusion]:
        """The profile's exclusions, as :attr:`Plan.exclusions` gives them."""
        return _exclusions(self["excluded"])

    def __repr__(self) -> str:
        return f"<backbalance.Evaluation valid={self.valid} score={self.score}>"


@dataclass(frozen=True)
class Alternative:
    """An item that could take a use's place, the week staying valid (plan model 12.1)."""

    exercise: str
    phase: str
    minutes: int
    score: float  # the new week's score
    score_change: float  # score - the week's score
    substitute: bool  # the replaced exercise lists it among its substitutes


class Alternatives(_Document):
    """The replacements for one use of a valid week (backbalance.alternatives/1):
    substitutes first, then by score (best first), then by id."""

    __slots__ = ()

    @property
    def status(self) -> str:
        """"ok", or "refer" for a red-flag profile (then there are no alternatives)."""
        return str(self["status"])

    @property
    def day(self) -> int:
        return int(self["day"])

    @property
    def exercise(self) -> str:
        return str(self["exercise"])

    @property
    def phase(self) -> Optional[str]:
        """The use's phase; None for a refer result."""
        phase = self.get("phase")
        return None if phase is None else str(phase)

    @property
    def minutes(self) -> Optional[int]:
        minutes = self.get("minutes")
        return None if minutes is None else int(minutes)

    @property
    def score(self) -> Optional[float]:
        """The given week's score; None for a refer result."""
        score = self.get("score")
        return None if score is None else float(score)

    @property
    def alternatives(self) -> list[Alternative]:
        return [Alternative(exercise=a["exercise"], phase=a["phase"], minutes=int(a["minutes"]),
                            score=float(a["score"]), score_change=float(a["score_change"]),
                            substitute=bool(a["substitute"]))
                for a in self["alternatives"]]

    def __repr__(self) -> str:
        return (f"<backbalance.Alternatives {self.exercise} day {self.day}: "
                f"{len(self['alternatives'])}>")


class NextWeek(_Document):
    """Next week's profile (with its history) and plan (backbalance.next_week/1)."""

    __slots__ = ("_plan_text",)

    def __init__(self, text: str, plan_text: str):
        super().__init__(text)
        self._plan_text = plan_text

    @property
    def profile(self) -> dict[str, Any]:
        """Next week's profile; store it and pass it with next week's feedback."""
        return dict(self["profile"])

    @property
    def plan(self) -> Plan:
        """Next week's plan, with the library's own text for it."""
        return Plan(self._plan_text)

    def __reduce__(self) -> tuple[Any, tuple[str, ...]]:
        return (type(self), (self._text, self._plan_text))

    def __repr__(self) -> str:
        return f"<backbalance.NextWeek status={self.plan.status}>"
