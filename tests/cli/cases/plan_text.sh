# The readable week: at most 80 columns, every day, totals, score, exclusions, advisories.
set -e
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/desk_worker.json" --format text > week.txt
cat week.txt
echo "widest line: $(awk '{ if (length($0) > n) n = length($0) } END { print (n <= 80 ? "<= 80" : n) }' week.txt)"
