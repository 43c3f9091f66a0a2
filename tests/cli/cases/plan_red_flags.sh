# A red flag: no exercise plan, a referral. Exit 4; the plan (7 rest days, every item
# excluded with reason refer, advisory refer_red_flags) is still printed.
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/red_flags.json"
