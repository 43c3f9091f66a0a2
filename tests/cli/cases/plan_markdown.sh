# --format markdown: the week as tables for a report.
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/desk_worker.json" --format markdown
