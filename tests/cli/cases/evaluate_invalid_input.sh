# Input the model cannot judge (a profile naming an unknown exercise) is reported on
# stderr against the profile's file, with no evaluation on stdout.
printf '{"schema": "backbalance.profile/1", "exclude": ["no_such_item"]}\n' > profile.json
backbalance evaluate --catalog builtin --profile profile.json --plan "$EXAMPLES/plans/desk_worker_week.json"
