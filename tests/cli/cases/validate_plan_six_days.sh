# A plan must hold exactly seven days: a form error found when it is loaded.
cat > plan.json <<'JSON'
{"schema": "backbalance.plan/1", "status": "ok", "days": [
  {"day": 0, "items": []}, {"day": 1, "items": []}, {"day": 2, "items": []},
  {"day": 3, "items": []}, {"day": 4, "items": []}, {"day": 5, "items": []}]}
JSON
backbalance validate plan.json
