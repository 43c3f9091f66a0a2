# Reliability round 2, finding 3: an output file is written beside its final name and
# renamed into place on success, so it is never left half written; an output that is the
# input (by device and inode, whatever the spelling) is refused before anything is read.
line=$(tr -d '\n' < "$EXAMPLES/profiles/desk_worker.json")
echo "$line" > p.jsonl
cp p.jsonl before.jsonl
ln -s p.jsonl link.jsonl
backbalance plan-batch p.jsonl -o p.jsonl
echo "same file: $?"
backbalance plan-batch p.jsonl -o ./link.jsonl
echo "symlink: $?"
cmp -s p.jsonl before.jsonl && echo "input unchanged"
echo '[]' > f.json
backbalance import free-exercise-db f.json -o f.json
echo "import over its source: $?"
cat f.json
# A batch killed mid-run by SIGTERM or SIGINT leaves the old output whole and no
# temporary file behind.
for i in $(seq 2000); do echo "$line"; done > many.jsonl
for signal in TERM INT; do
  echo "old output" > out.jsonl
  backbalance plan-batch many.jsonl -o out.jsonl --threads 1 2>/dev/null &
  pid=$!
  sleep 1
  kill -s $signal $pid
  wait $pid
  echo "SIG$signal: $?"
  cat out.jsonl
done
ls -A
