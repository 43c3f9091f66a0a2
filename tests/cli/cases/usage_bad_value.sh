# A value outside an option's choices is a usage error, as is a file list left empty.
backbalance catalog --catalog builtin --format xml; echo "format: $?"
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/desk_worker.json" --backend magic; echo "backend: $?"
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/desk_worker.json" --time-limit -1; echo "time-limit: $?"
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/desk_worker.json" --gap-tolerance 0.7; echo "gap-tolerance: $?"
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/desk_worker.json" --seed abc; echo "seed: $?"
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/desk_worker.json" --seed -1; echo "negative seed: $?"
backbalance validate; echo "validate: $?"
