# The whole free-exercise-db file (read from the shared data folder, never copied here):
# imported and skipped counts add up to 873; merged with the built-in catalog it plans a
# valid week; every imported item is unreviewed.
source_file="$SHARED/data/free-exercise-db/exercises.json"
if [ ! -f "$source_file" ]; then
  echo "free-exercise-db is not at $source_file" >&2
  exit 77
fi
set -e
backbalance import free-exercise-db "$source_file" -o merged.json --merge builtin 2>report.txt
sed "s|$source_file|exercises.json|" report.txt
backbalance catalog --catalog merged.json | tail -n 2 | head -n 1
backbalance catalog --catalog merged.json | grep -E '^fedb_(3_4_sit_up|90_90_hamstring|bicycling_stationary) '
backbalance plan --catalog merged.json --profile "$EXAMPLES/profiles/desk_worker.json" > plan.json
backbalance evaluate --catalog merged.json --profile "$EXAMPLES/profiles/desk_worker.json" \
  --plan plan.json | grep '"valid"'
