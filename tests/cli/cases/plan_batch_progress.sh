# On a terminal, plan-batch draws a progress bar on stderr (run under script(1) to get
# one); redirected, it does not.
if ! command -v script >/dev/null; then
  echo "script(1) (util-linux) is not installed: no terminal to test the progress bar on" >&2
  exit 77
fi
set -e
for i in 1 2 3; do tr -d '\n' < "$EXAMPLES/profiles/desk_worker.json"; echo; done > profiles.jsonl
script -qec "backbalance plan-batch profiles.jsonl -o plans.jsonl --threads 1" /dev/null \
  | tr '\r' '\n' | grep -a -c '^\[#\{30\}\] 3/3 profiles$'
backbalance plan-batch profiles.jsonl -o plans.jsonl --threads 1 2> redirected.txt
grep -c 'profiles$' redirected.txt || true
