# Bad input to `import`: every problem with its path and rule, nothing written (exit 1);
# an id clash on --merge names both items; a bad --id-prefix; usage errors exit 2.
cat > records.json <<'JSON'
[
  {"id": "Good_One", "name": "Good one", "level": "beginner", "equipment": "body only",
   "primaryMuscles": ["glutes"], "secondaryMuscles": [], "category": "strength"},
  {"id": "Yoga_Flow", "name": "Yoga flow", "level": "guru", "equipment": "mat",
   "primaryMuscles": ["lower_back"], "secondaryMuscles": [], "category": "yoga"},
  7
]
JSON
backbalance import free-exercise-db records.json -o out.json
echo "bad records: $? $(test -e out.json && echo written || echo 'not written')"
cat > superman.json <<'JSON'
[{"id": "Superman", "name": "Superman", "level": "beginner", "equipment": null,
  "primaryMuscles": ["lower back"], "secondaryMuscles": ["glutes"], "category": "strength"}]
JSON
backbalance import free-exercise-db superman.json -o out.json --merge builtin --id-prefix ''
echo "clash: $? $(test -e out.json && echo written || echo 'not written')"
backbalance import free-exercise-db superman.json -o out.json --id-prefix 'Fed-'
echo "prefix: $?"
backbalance import free-exercise-db missing.json -o out.json
echo "missing: $?"
backbalance import free-exercise-db superman.json
echo "no -o: $?"
backbalance import
echo "no source: $?"
backbalance import free-exercise-db superman.json -o - --merge builtin 2>/dev/null | head -n 2
