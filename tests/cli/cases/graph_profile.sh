# graph --profile: the exercises the profile cannot use are greyed with the reason (and the
# because of a contraindication) as a label, with edges to what caused it; --eligible-only
# leaves them out; --eligible-only needs --profile.
set -e
profile="$EXAMPLES/profiles/herniated_disc_sciatica.json"
backbalance graph --catalog builtin --profile "$profile" > greyed.dot
backbalance plan --catalog builtin --profile "$profile" > plan.json
head -n 1 greyed.dot
echo "greyed: $(grep -c 'style="filled,dashed"' greyed.dot)"
echo "excluded in the plan: $(/usr/bin/python3 -c 'import json; print(len(json.load(open("plan.json"))["excluded"]))')"
grep -o 'label="running\\naerobic, high\\nexcluded: [a-z_: ()+]*"' greyed.dot
echo "cause edges: $(grep -c 'color="#a4262c"' greyed.dot)"
backbalance graph --catalog builtin --profile "$profile" --eligible-only > eligible.dot
echo "excluded labels with --eligible-only: $(grep -c 'excluded' eligible.dot || true)"
echo "boxes with --eligible-only: $(grep -c 'shape=box' eligible.dot)"
backbalance graph --catalog builtin --eligible-only || echo "without --profile: $?"
