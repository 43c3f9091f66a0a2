# The canonical JSON spells out every default, re-validates, and is a fixed point:
# loading it and writing it again gives the same bytes.
set -e
backbalance catalog --catalog builtin --format json > catalog.json
backbalance validate catalog.json
backbalance catalog --catalog catalog.json --format json > again.json
cmp catalog.json again.json && echo "same bytes"
echo "records with rest_hours: $(grep -c '"rest_hours"' catalog.json)"
echo "records with reviewed: $(grep -c '"reviewed"' catalog.json)"
head -c 1 catalog.json; echo
