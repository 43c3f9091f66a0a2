# Unknown fields are errors, never ignored.
cat > profile.json <<'JSON'
{"schema": "backbalance.profile/1", "pain": 3, "painn": 4}
JSON
backbalance validate profile.json
