# Every subcommand that loads a catalog reports its problems against the file.
cat > catalog.json <<'JSON'
{"schema": "backbalance.catalog/1", "exercises": [
  {"id": "Bad Id", "name": "x", "category": "strength", "impact": "low", "phases": ["main"],
   "primary_muscles": ["glutes"], "minutes": 5, "dose": {"sets": 2, "reps": 10}}]}
JSON
backbalance catalog --catalog catalog.json; echo "catalog: $?"
backbalance graph --catalog catalog.json; echo "graph: $?"
backbalance catalog --catalog no_such_file.json; echo "missing: $?"
