# Eight weeks ahead for the desk worker with a deload every 4 weeks: the document, the
# deload marks, and each view (text, HTML without script or network, iCalendar).
backbalance programme --profile "$EXAMPLES/profiles/desk_worker.json" --weeks 8 \
  --deload-every 4 > programme.json
echo "exit: $?"
head -2 programme.json
tr -d ' \n' < programme.json | grep -o '"week":[0-9]*,"deload":[a-z]*' | tr '\n' ' '
echo
backbalance programme --profile "$EXAMPLES/profiles/desk_worker.json" --weeks 8 \
  --deload-every 4 --format text | head -4
backbalance programme --profile "$EXAMPLES/profiles/desk_worker.json" --weeks 3 \
  --format html > programme.html
echo "html exit: $? svg: $(grep -c '<svg' programme.html) script: $(grep -c '<script' programme.html)"
backbalance programme --profile "$EXAMPLES/profiles/desk_worker.json" --weeks 2 \
  --format ics --start 2026-12-07T07:00 | grep -c 'BEGIN:VEVENT'
