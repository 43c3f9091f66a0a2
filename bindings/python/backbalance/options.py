"""Planner options as typed dictionaries (bkb_options_default_json's fields).

Every field is optional when creating a planner (``Planner(catalog, mix_weight=1.0)``);
``default_options()`` and ``Planner.options`` return them all. Ranges are checked by the
library, which names the field: ``options.late_pregnancy_week: range: ...``.
"""

from __future__ import annotations

from typing import List, Optional, TypedDict


class BandTargets(TypedDict, total=False):
    """The targets of one pain band (plan model section 5)."""

    minutes: List[int]  # weekly minutes by category: aerobic .. relaxation
    volume_cap: int
    min_training_days: int
    max_training_days: int


class CatalogDefaults(TypedDict, total=False):
    """Defaults a catalogue record takes for the fields it leaves out (section 2)."""

    max_per_week: List[int]  # by category: aerobic, strength, flexibility, balance, relaxation
    strength_rest_hours: int
    other_rest_hours: int
    difficulty: int


class PlannerOptions(TypedDict, total=False):
    """Every number of the plan model, and the solver's settings (model/options.h)."""

    # Pain bands and eligibility (sections 3, 4).
    band_b_min_pain: int
    band_c_min_pain: int
    acute_flare_min_pain: int
    high_impact_min_fitness: int
    difficulty_margin: int
    # Targets by band A, B, C (section 5).
    bands: List[BandTargets]
    history_cap_floor: int
    history_cap_growth_num: int
    history_cap_growth_den: int
    #: Without history the volume cap is at most this, by fitness 1..5 (model 2).
    first_week_cap_by_fitness: List[int]
    #: A pregnancy week at or above this derives `late_pregnancy` (0..43; 43: never).
    late_pregnancy_week: int
    #: A session lasts at most this many minutes, by fitness 1..5 (H2, model 2).
    session_cap_by_fitness: List[int]
    # Structure (H4).
    min_warmup_minutes: int
    #: A warm-up lasts at most this many minutes (model 2).
    max_warmup_minutes: int
    min_cooldown_minutes: int
    aerobic_minutes_step: int
    # Score (section 7).
    strength_days_saturation: int
    strength_use_saturation: float
    stretch_use_saturation: float
    secondary_muscle_credit: float
    variety_saturation: int
    variety_weight: float
    preference_weight: float
    #: Weight of the `mix` term, the least-covered weighted category (model 2; default 2).
    mix_weight: float
    #: Points per use of a caution item that is not cleared (default 2 since model 2).
    caution_penalty: float
    window_penalty: float
    minute_penalty: float
    # Feedback (section 8).
    soreness_limit_hours: float
    progression_max_rpe: int
    reps_step: int
    top_reps: int
    top_sets: int
    hold_step_seconds: int
    top_hold_seconds: int
    aerobic_growth_percent: int
    aerobic_top_minutes: int
    see_doctor_after_days: int
    catalog_defaults: CatalogDefaults
    # Solver.
    backend: str  # "heuristic" or "exact"
    quality: str  # "fast", "default" or "thorough" (the heuristic's effort)
    search_iterations: int
    time_limit_seconds: Optional[float]
    #: Stop once the week is proven within this fraction of the optimum (0..0.5);
    #: None: the quality level's own (0.005 at "default", 0 at "thorough").
    gap_tolerance: Optional[float]
