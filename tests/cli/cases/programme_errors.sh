# Options out of range name the option (exit 2); a red flag ends the programme at week 1
# (exit 4, as `plan`); --format ics needs --start.
backbalance programme --profile "$EXAMPLES/profiles/desk_worker.json" --weeks 27 \
  --deload-every 1 --assumed-rpe 11
echo "exit: $?"
backbalance programme --profile "$EXAMPLES/profiles/red_flags.json" --weeks 5 > refer.json
echo "exit: $?"
tr -d ' \n' < refer.json | grep -o '"week":[0-9]*' | tr '\n' ' '
echo
backbalance programme --profile "$EXAMPLES/profiles/desk_worker.json" --weeks 2 --format ics
echo "exit: $?"
