# The top-level help lists every subcommand and the exit codes.
backbalance --help
