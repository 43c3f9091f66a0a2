# plan-batch's usage errors exit 2; a missing input file exits 1.
echo '{"schema": "backbalance.profile/1"}' > profiles.jsonl
backbalance plan-batch profiles.jsonl
echo "no -o: $?"
backbalance plan-batch profiles.jsonl -o out.jsonl --threads -1
echo "threads: $?"
backbalance plan-batch missing.jsonl -o out.jsonl
echo "missing: $?"
backbalance plan-batch profiles.jsonl -o - --catalog builtin 2>/dev/null | cut -c 1-44
echo "stdout: $?"
