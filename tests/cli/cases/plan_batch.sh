# plan-batch: one output line per non-blank input line, in input order; bad lines are
# reported with their line numbers and get an error record; the others are planned as
# `plan` plans them, on any number of threads. Exit 1 at the end because lines failed.
{
  for name in desk_worker acute_flare red_flags too_little_time; do
    tr -d '\n' < "$EXAMPLES/profiles/$name.json"; echo
  done
  echo
  echo '{"schema": "backbalance.profile/1", "pain": 11}'
  echo 'not json'
  echo '{"schema": "backbalance.profile/1", "prefer": ["tai_chi_x"]}'
  tr -d '\n' < "$EXAMPLES/profiles/fit_runner.json"; echo
} > profiles.jsonl
backbalance plan-batch profiles.jsonl -o plans.jsonl --threads 2 2> stderr.txt
echo "exit: $?"
grep -v '^plan-batch:' stderr.txt
sed -E 's/in [0-9.]+ s/in * s/' stderr.txt | grep '^plan-batch:'
echo "output lines: $(wc -l < plans.jsonl)"
backbalance plan-batch profiles.jsonl -o one_thread.jsonl --threads 1 2>/dev/null
cmp plans.jsonl one_thread.jsonl && echo "1 and 2 threads: same bytes"
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/desk_worker.json" > desk.json
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/fit_runner.json" > runner.json
/usr/bin/python3 - <<'PY'
import json
lines = [json.loads(line) for line in open("plans.jsonl")]
print("schemas:", " ".join(l["schema"].split(".")[1] + ("/" + l["status"] if "status" in l else "")
                           for l in lines))
print("line 1 is plan's desk_worker week:", lines[0] == json.load(open("desk.json")))
print("line 8 is plan's fit_runner week:", lines[7] == json.load(open("runner.json")))
print("error lines:", [(l["line"], l["problems"][0]["path"], l["problems"][0]["rule"])
                       for l in lines if l["schema"] == "backbalance.batch_error/1"])
PY
