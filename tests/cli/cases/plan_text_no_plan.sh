# The readable form of a referral and of an infeasible week.
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/red_flags.json" --format text
echo "refer: $?"
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/too_little_time.json" --format text
echo "infeasible: $?"
