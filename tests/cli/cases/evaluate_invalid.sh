# A week with one training day and an unknown exercise breaks H3 and H1: exit 1, and
# the evaluation still lists every violation and the score.
cat > plan.json <<'JSON'
{"schema": "backbalance.plan/1", "status": "ok", "days": [
  {"day": 0, "items": [
    {"exercise": "cat_cow", "phase": "warmup", "minutes": 5},
    {"exercise": "moon_walking", "phase": "main", "minutes": 10},
    {"exercise": "childs_pose", "phase": "cooldown", "minutes": 5}]},
  {"day": 1, "items": []}, {"day": 2, "items": []}, {"day": 3, "items": []},
  {"day": 4, "items": []}, {"day": 5, "items": []}, {"day": 6, "items": []}]}
JSON
backbalance evaluate --catalog builtin --profile "$EXAMPLES/profiles/desk_worker.json" --plan plan.json
