# --color: never by default when stdout is not a terminal; `always` adds ANSI colours that
# leave the text itself unchanged; NO_COLOR does not override an explicit `always`.
set -e
profile="$EXAMPLES/profiles/desk_worker.json"
backbalance plan --catalog builtin --profile "$profile" --format text > auto.txt
backbalance plan --catalog builtin --profile "$profile" --format text --color never > never.txt
NO_COLOR=1 backbalance plan --catalog builtin --profile "$profile" --format text --color always > always.txt
echo "escapes in auto: $(grep -c $'\e\\[' auto.txt || true)"
echo "escapes in always: $([ "$(grep -c $'\e\\[' always.txt)" -gt 10 ] && echo many)"
sed $'s/\e\\[[0-9;]*m//g' always.txt | cmp - never.txt && echo "same text"
head -c 8 always.txt | od -An -c | tr -s " "
backbalance plan --catalog builtin --profile "$profile" --format text --color sometimes
