# Reliability round 2, finding 1: a NUL byte does not end a document; the bytes after it
# are trailing bytes, a `syntax` problem, in a file and in a JSON Lines line.
p=$EXAMPLES/profiles/desk_worker.json
{ cat "$p"; printf '\0GARBAGE {{{'; } > profile.json
backbalance validate profile.json
echo "validate: $?"
{ printf '{"schema": "backbalance.profile/1", "pain": 2}\0 junk\n'; tr -d '\n' < "$p"; echo; } > batch.jsonl
backbalance plan-batch batch.jsonl -o plans.jsonl 2> batch.err
echo "plan-batch: $?"
grep -v '^plan-batch:' batch.err
cut -c 1-62 plans.jsonl
