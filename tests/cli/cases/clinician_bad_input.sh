# Bad input to the clinician subcommands: each problem names its path and rule.
ex="$SOURCE/examples/clinician"
profile="$EXAMPLES/profiles/desk_worker.json"
week="$ex/week.json"
printf '{"schema": "backbalance.profile/1", "pins": [{"day": 0, "exercise": "glute_bridge", "minutes": 10}, {"day": 9, "exercise": "tai_chi_x"}, {"day": 1, "exercise": "walking", "phase": "middle"}], "train_days": [1, 1, 8]}\n' > pins.json
backbalance repair --profile pins.json --plan "$week"
echo "pins: $?"
printf '{"schema": "backbalance.profile/1", "pins": [{"day": 0, "exercise": "glute_bridge"}, {"day": 0, "exercise": "glute_bridge"}]}\n' > twice.json
backbalance plan --catalog builtin --profile twice.json
echo "pinned twice: $?"
printf '{"schema": "backbalance.profile/1", "doses": {"glute_bridge": {"minutes": 5}, "cat_cow": {"hold_seconds": 30, "reps": 2}}}\n' > dose_forms.json
backbalance plan --catalog builtin --profile dose_forms.json
echo "dose forms: $?"
printf '{"schema": "backbalance.profile/1", "doses": {"clamshell": {"sets": 2, "reps": 60}}}\n' > dose_range.json
backbalance plan --catalog builtin --profile dose_range.json
echo "dose range: $?"
printf '{"schema": "backbalance.profile/1", "pins": [{"day": 0, "exercise": "tai_chi_x"}, {"day": 0, "exercise": "glute_bridge", "minutes": 10}, {"day": 1, "exercise": "brisk_walking", "minutes": 12}]}\n' > pin_items.json
backbalance replan --profile pin_items.json --plan "$week" --from-day 3
echo "pin items: $?"
backbalance replan --profile "$profile" --plan "$week" --from-day 8
echo "from-day 8: $?"
printf '[{"day": 4, "exercise": "not_in_the_week", "completed": true}]\n' > future.json
backbalance replan --profile "$profile" --plan "$week" --from-day 3 --feedback future.json
echo "not happened: $?"
printf '{"feedback": [{"day": 0, "exercise": "not_in_the_week"}]}\n' > unknown.json
backbalance replan --profile "$profile" --plan "$week" --from-day 3 --feedback unknown.json
echo "unknown use: $?"
printf '[{"day": 0, "exercise": "superman", "rpe": 11}]\n' > rpe.json
backbalance replan --profile "$profile" --plan "$week" --from-day 3 --feedback rpe.json
echo "rpe: $?"
backbalance alternatives --profile "$profile" --plan "$week" --day 2 --exercise superman
echo "unknown use: $?"
backbalance alternatives --profile "$profile" --plan "$ex/edited_week.json" --day 0 --exercise superman
echo "invalid week: $?"
backbalance alternatives --profile "$profile" --plan "$week" --day 9 --exercise superman
echo "day 9: $?"
backbalance alternatives --profile "$profile" --plan "$week" --day 0 --exercise superman --format html
echo "format: $?"
