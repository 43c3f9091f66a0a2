# Reliability round 2, finding 2: plan-batch refuses input that is not a regular file or
# a pipe (a directory, /dev/zero), and holds a line to the document limit (64 MiB) while
# reading it, before memory grows; nothing is planned or written then.
backbalance plan-batch . -o out.jsonl
echo "directory: $?"
backbalance plan-batch /dev/zero -o out.jsonl
echo "/dev/zero: $?"
{ echo; head -c 67108865 /dev/zero | tr '\0' 'x'; echo; } > huge.jsonl
backbalance plan-batch huge.jsonl -o out.jsonl
echo "huge line: $?"
tr -d '\n' < "$EXAMPLES/profiles/desk_worker.json" | cat - <(echo) | backbalance plan-batch /dev/stdin -o - 2>/dev/null | cut -c 1-44
echo "pipe: $?"
ls
