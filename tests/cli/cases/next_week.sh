# Adapts the desk worker's example week to feedback (a JSON array of entries).
cat > feedback.json <<'JSON'
[
  {"day": 0, "exercise": "glute_bridge", "completed": true, "pain_after": "better", "soreness_hours": 0, "rpe": 4},
  {"day": 0, "exercise": "brisk_walking", "completed": true, "pain_after": "same", "rpe": 5},
  {"day": 1, "exercise": "side_plank_knees", "completed": true, "pain_after": "worse", "soreness_hours": 0.5, "rpe": 7},
  {"day": 3, "exercise": "dead_bug", "completed": false}
]
JSON
backbalance next-week --catalog builtin --profile "$EXAMPLES/profiles/desk_worker.json" \
  --plan "$EXAMPLES/plans/desk_worker_week.json" --feedback feedback.json > next.json
echo "exit: $?"
head -2 next.json
grep -c '"backbalance.plan/1"' next.json
# Made pain worse: excluded next week with reason `worsened`.
tr -d ' \n' < next.json | grep -o '"exercise":"side_plank_knees","reason":"worsened"'
