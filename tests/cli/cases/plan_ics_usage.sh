# The calendar options: --format ics needs --start; --start and --weeks belong to ics;
# values out of shape or range are usage errors (exit 2); a plan with no sessions has no
# calendar (the plan's exit code, the reason on stderr, nothing on stdout).
profile="$EXAMPLES/profiles/desk_worker.json"
backbalance plan --catalog builtin --profile "$profile" --format ics
echo "no start: $?"
backbalance plan --catalog builtin --profile "$profile" --format text --start 2026-12-07T07:00
echo "start without ics: $?"
backbalance plan --catalog builtin --profile "$profile" --weeks 2
echo "weeks without ics: $?"
backbalance plan --catalog builtin --profile "$profile" --format ics --start "2026-12-07 07:00"
echo "bad start: $?"
backbalance plan --catalog builtin --profile "$profile" --format ics --start 2026-02-30T07:00
echo "no such date: $?"
backbalance plan --catalog builtin --profile "$profile" --format ics --start 2026-12-07T07:00 --weeks 53
echo "weeks: $?"
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/red_flags.json" --format ics --start 2026-12-07T07:00
echo "refer: $?"
