# The built-in catalog, exported as canonical JSON, validates as a catalog file.
set -e
backbalance catalog --catalog builtin --format json > builtin.json
backbalance validate builtin.json
