# --options FILE on every planning subcommand: PlannerOptions as JSON (the form
# bkb_options_default_json writes, every field optional), read by io's LoadOptionsFile;
# the flags override its fields; a bad file is named with the path of the bad field.
profile="$EXAMPLES/profiles/desk_worker.json"
backbalance plan --catalog builtin --profile "$profile" > default.json
backbalance plan --catalog builtin --profile "$profile" --mix-weight 0 > nomix_flag.json
printf '{"mix_weight": 0}\n' > nomix.json
backbalance plan --catalog builtin --profile "$profile" --options nomix.json > nomix_file.json
cmp nomix_flag.json nomix_file.json && echo "plan: --options gives the week the flag gives"
# A flag overrides the file's field.
backbalance plan --catalog builtin --profile "$profile" --options nomix.json --mix-weight 2 \
  > override.json
cmp default.json override.json && echo "plan: the flag overrides the file"
backbalance evaluate --catalog builtin --profile "$profile" --plan nomix_file.json \
  --options nomix.json > /dev/null && echo "evaluate: takes --options"
printf '[]\n' > feedback.json
backbalance next-week --catalog builtin --profile "$profile" --plan default.json \
  --feedback feedback.json --options nomix.json > /dev/null && echo "next-week: takes --options"
backbalance programme --catalog builtin --profile "$profile" --weeks 2 --options nomix.json \
  > /dev/null && echo "programme: takes --options"
tr -d '\n' < "$profile" > profiles.jsonl; echo >> profiles.jsonl
backbalance plan-batch profiles.jsonl -o batch.jsonl --options nomix.json 2>/dev/null
cmp <(tr -d '\n ' < batch.jsonl) <(tr -d '\n ' < nomix_file.json) && echo "plan-batch: same week as plan"
# Each error path names the file and the field.
backbalance plan --catalog builtin --profile "$profile" --options missing.json
echo "missing file, exit: $?"
printf '{"mix_weight": \n' > syntax.json
backbalance plan --catalog builtin --profile "$profile" --options syntax.json
echo "syntax, exit: $?"
printf '{"mix_wieght": 1}\n' > unknown.json
backbalance plan --catalog builtin --profile "$profile" --options unknown.json
echo "unknown field, exit: $?"
printf '{"session_cap_by_fitness": [60, "75", 90, 120, 150]}\n' > type.json
backbalance evaluate --catalog builtin --profile "$profile" --plan default.json --options type.json
echo "type, exit: $?"
printf '{"mix_weight": -1}\n' > range.json
backbalance next-week --catalog builtin --profile "$profile" --plan default.json \
  --feedback feedback.json --options range.json
echo "range, exit: $?"
printf '[]\n' > array.json
backbalance programme --catalog builtin --profile "$profile" --weeks 2 --options array.json
echo "not an object, exit: $?"
