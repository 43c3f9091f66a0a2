# A missing required option is a usage error (exit 2).
backbalance evaluate --catalog builtin --plan "$EXAMPLES/plans/desk_worker_week.json"
