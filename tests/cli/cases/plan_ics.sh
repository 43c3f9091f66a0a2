# --format ics: one event per training day from --start, --weeks times; CRLF lines.
set -e
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/desk_worker.json" \
  --format ics --start 2026-12-07T07:00 --weeks 2 > week.ics
tr -d '\r' < week.ics | grep -E '^(BEGIN|END|DTSTART|VERSION)'
echo "lines without CR: $(grep -vc $'\r$' week.ics || true)"
