# An invalid profile: its problems on stderr, exit 1, nothing on stdout.
printf '{"schema": "backbalance.profile/1", "fitness": 9, "conditions": ["flat_feet"]}\n' > profile.json
backbalance plan --catalog builtin --profile profile.json
