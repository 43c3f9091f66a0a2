# Feedback problems name paths in the feedback file's own syntax.
plan="$EXAMPLES/plans/desk_worker_week.json"
profile="$EXAMPLES/profiles/desk_worker.json"
printf '[{"day": 0, "exercise": "glute_bridge", "rpe": 11}]\n' > range.json
backbalance next-week --catalog builtin --profile "$profile" --plan "$plan" --feedback range.json
echo "range: $?"
printf '{"feedback": [{"day": 0, "exercise": "glute_bridge", "mood": "good"}]}\n' > field.json
backbalance next-week --catalog builtin --profile "$profile" --plan "$plan" --feedback field.json
echo "unknown field: $?"
printf '[{"day": 2, "exercise": "glute_bridge", "completed": true}]\n' > use.json
backbalance next-week --catalog builtin --profile "$profile" --plan "$plan" --feedback use.json
echo "unknown use: $?"
printf '{"entries": []}\n' > shape.json
backbalance next-week --catalog builtin --profile "$profile" --plan "$plan" --feedback shape.json
echo "shape: $?"
printf '42\n' > number.json
backbalance next-week --catalog builtin --profile "$profile" --plan "$plan" --feedback number.json
echo "number: $?"
