# A --catalog that cannot be loaded is reported against its own file name.
printf '{"schema": "backbalance.catalog/1", "exercises": [], "extra": 1}\n' > catalog.json
printf '{"schema": "backbalance.profile/1"}\n' > profile.json
backbalance validate --catalog catalog.json profile.json
