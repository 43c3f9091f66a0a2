# Each file is reported on its own; one bad file makes the exit code 1. A file that
# cannot be read, or declares no known schema, is invalid input too.
cat > good.json <<'JSON'
{"schema": "backbalance.profile/1", "pain": 2}
JSON
cat > bad.json <<'JSON'
{"schema": "backbalance.profile/1", "pain": 11}
JSON
cat > other.json <<'JSON'
{"schema": "something.else/1"}
JSON
printf '{"schema": ' > broken.json
backbalance validate good.json bad.json missing.json other.json broken.json
