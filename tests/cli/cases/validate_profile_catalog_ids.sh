# Ids a profile names are checked only when it meets a catalog.
cat > profile.json <<'JSON'
{"schema": "backbalance.profile/1", "prefer": ["cat_cow", "tai_chi_x"]}
JSON
backbalance validate profile.json; echo "alone: $?"
backbalance validate --catalog builtin profile.json; echo "with catalog: $?"
