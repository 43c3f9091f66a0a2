# A value out of range is reported with its JSON path and rule, prefixed with the file.
cat > catalog.json <<'JSON'
{
  "schema": "backbalance.catalog/1",
  "exercises": [
    {"id": "glute_bridge", "name": "Glute bridge", "category": "strength", "impact": "low",
     "phases": ["main"], "primary_muscles": ["glutes"], "minutes": 5,
     "dose": {"sets": 2, "reps": 10}, "rest_hours": 120}
  ]
}
JSON
backbalance validate catalog.json
