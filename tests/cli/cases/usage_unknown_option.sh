# An unknown option is a usage error (exit 2), named on stderr; nothing on stdout.
backbalance catalog --catalog builtin --bogus
