# Reliability round 2, findings 11 and 12: a calendar that would pass year 9999 is a usage
# error; control characters in a document's text are rejected at their path; an unknown
# subcommand is named; a document with 500,000 problems ends its report with the
# too_many_problems line.
p=$EXAMPLES/profiles/desk_worker.json
backbalance plan --catalog builtin --profile "$p" --format ics --start 9999-12-31T23:59 > out.ics
echo "ics 9999: $? $(wc -c < out.ics)"
backbalance catalog --catalog builtin --format json |
  sed '0,/"name": "[^"]*"/s//"name": "Cat\\u001b[2J\\u0007cow"/' > catalog.json
backbalance validate catalog.json
echo "control character: $?"
backbalance bogus
echo "bogus: $?"
{ printf '{"schema": "backbalance.plan/1"'; seq 500000 | sed 's/.*/, "f&": 0/' | tr -d '\n'; printf '}'; } > big.json
backbalance validate big.json 2> big.err
echo "500000 problems: $?"
wc -l < big.err
tail -n 2 big.err
