# --format html: one self-contained page; 7 day sections, no network assets.
set -e
backbalance plan --catalog builtin --profile "$EXAMPLES/profiles/desk_worker.json" --format html > week.html
head -c 15 week.html; echo
echo "days: $(grep -o '<section class="day[^"]*" data-day="[0-6]"' week.html | wc -l)"
echo "rest days: $(grep -o '<section class="day rest"' week.html | wc -l)"
echo "network: $(grep -c -E 'https?://|<script|<link' week.html || true)"
tail -n 1 week.html
