"""Results: a week (Plan), a verdict on a week (Evaluation), next week (NextWeek).

Each holds the library's JSON text exactly as the C ABI wrote it (``to_json()`` is byte
for byte what ``backbalance plan --format json`` prints) and reads as a mapping of the
parsed document, with typed properties for the common fields.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Item:
    """One exercise on one day."""

    exercise: str
    phase: str  # "warmup", "main" or "cooldown"
    minutes: int
    dose: Optional[Dose] = None
    notes: tuple[str, ...] = ()


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
        return self._document[key]

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
    def advisories(self) -> list[Advisory]:
        return [Advisory(code=a["code"], text=a["text"]) for a in self.get("advisories", [])]

    @property
    def diagnosis(self) -> list[Diagnosis]:
        return [Diagnosis(code=d["code"], text=d["text"]) for d in self.get("diagnosis", [])]

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

    def __repr__(self) -> str:
        return f"<backbalance.Evaluation valid={self.valid} score={self.score}>"


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
