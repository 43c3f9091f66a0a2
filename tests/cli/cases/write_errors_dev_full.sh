# Reliability round 2, finding 4: a failed write to stdout (here /dev/full) exits 1 with
# `backbalance: write: No space left on device`, for every subcommand and format.
p=$EXAMPLES/profiles/desk_worker.json
backbalance plan --catalog builtin --profile "$p" > plan.json
for format in json text markdown html; do
  backbalance plan --catalog builtin --profile "$p" --format $format > /dev/full
  echo "plan $format: $?"
done
backbalance plan --catalog builtin --profile "$p" --format ics --start 2026-12-07T07:00 > /dev/full
echo "plan ics: $?"
backbalance validate "$p" > /dev/full
echo "validate: $?"
backbalance catalog --catalog builtin > /dev/full
echo "catalog: $?"
backbalance catalog --catalog builtin --format json > /dev/full
echo "catalog json: $?"
backbalance graph --catalog builtin > /dev/full
echo "graph: $?"
backbalance evaluate --catalog builtin --profile "$p" --plan plan.json > /dev/full
echo "evaluate: $?"
printf '%s\n' "$(tr -d '\n' < "$p")" > batch.jsonl
backbalance plan-batch batch.jsonl -o - > /dev/full 2> batch.err
echo "plan-batch -o -: $?"
grep -c 'write: No space left on device' batch.err
backbalance plan-batch batch.jsonl -o /dev/full 2> batch.err
echo "plan-batch -o /dev/full: $?"
grep -c 'cannot write "/dev/full": No space left on device' batch.err
ls -l /dev/full | cut -c 1
