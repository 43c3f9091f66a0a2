# Only two days with any time: no week satisfies H3. Exit 3; the plan carries a diagnosis.
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/too_little_time.json"
