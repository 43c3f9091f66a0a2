# The hand-written example week is valid for the desk worker on the built-in catalog.
backbalance evaluate --catalog builtin --profile "$EXAMPLES/profiles/desk_worker.json" \
  --plan "$EXAMPLES/plans/desk_worker_week.json"
