# The readable table: a header, one row per exercise, a summary by category.
backbalance catalog --catalog builtin
