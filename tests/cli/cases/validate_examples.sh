# Every example profile and the example plan validate, with and without a catalog.
set -e
cd "$EXAMPLES"
backbalance validate profiles/*.json plans/*.json
backbalance validate --catalog builtin profiles/*.json plans/*.json
