# Plan model v2 catalog inputs, one file per problem and one with several (all reported
# together): movements, condition_rules and the dynamic warm-up rule, each named by path.
record() {  # id, extra fields
  printf '{"id": "%s", "name": "N", "category": "strength", "impact": "low", "phases": ["main"], "primary_muscles": ["glutes"], "minutes": 5, "dose": {"sets": 2, "reps": 10}%s}' "$1" "$2"
}
catalog() {  # file, top-level fields (ending in a comma), records
  printf '{"schema": "backbalance.catalog/1", %s "exercises": [%s]}\n' "$2" "$3" > "$1"
}
catalog movement_unknown.json "" "$(record a ', "movements": ["prone", "twisting"]')"
catalog movement_repeated.json "" "$(record a ', "movements": ["prone", "arm_loading", "prone"]')"
catalog movements_not_list.json "" "$(record a ', "movements": "prone"')"
catalog rules_unknown_condition.json '"condition_rules": {"bad_knees": {"avoid": ["knee_loading"]}},' "$(record a)"
catalog rules_declared_condition.json '"conditions": ["bad_knees"], "condition_rules": {"bad_knees": {"avoid": ["knee_loading"]}},' "$(record a)"
catalog rules_unknown_movement.json '"condition_rules": {"sciatica": {"avoid": ["spinal_flexion+lifting"]}},' "$(record a)"
catalog rules_repeated_movement.json '"condition_rules": {"knee_pain": {"avoid": ["knee_loading+external_load+knee_loading"]}},' "$(record a)"
catalog rules_not_object.json '"condition_rules": ["sciatica"],' "$(record a)"
catalog rules_list_not_list.json '"condition_rules": {"sciatica": {"caution": "prone"}},' "$(record a)"
catalog rules_entry_not_string.json '"condition_rules": {"sciatica": {"caution": [3]}},' "$(record a)"
catalog warmup_strength.json "" "$(record a ', "phases": ["warmup", "main"]' | sed 's/"phases": \["main"\], //')"
cat > warmup_static.json <<'JSON'
{"schema": "backbalance.catalog/1", "exercises": [
  {"id": "hamstring_hold", "name": "Hamstring hold", "category": "flexibility", "impact": "low",
   "phases": ["warmup", "cooldown"], "primary_muscles": ["hamstrings"], "minutes": 5,
   "dose": {"hold_seconds": 30, "reps": 3}},
  {"id": "breathing", "name": "Breathing", "category": "relaxation", "impact": "low",
   "phases": ["warmup", "cooldown"], "primary_muscles": [], "minutes": 5, "dose": {"minutes": 5}},
  {"id": "leg_swing", "name": "Leg swing", "category": "flexibility", "impact": "low",
   "phases": ["warmup", "cooldown"], "primary_muscles": ["hip_flexors"], "minutes": 5,
   "dose": {"sets": 1, "reps": 10}}]}
JSON
cat > several.json <<'JSON'
{"schema": "backbalance.catalog/1",
 "condition_rules": {"sciatica": {"avoid": ["prone+prone"], "caution": ["leaning"]},
                     "bad_knees": {"avoid": ["knee_loading"]}},
 "exercises": [
  {"id": "plank", "name": "Plank", "category": "strength", "impact": "low",
   "phases": ["warmup", "main"], "primary_muscles": ["core"], "minutes": 5,
   "dose": {"hold_seconds": 20, "reps": 3}, "movements": ["prone", "arm_loading", "prone"]},
  {"id": "bird_dog", "name": "Bird dog", "category": "strength", "impact": "low",
   "phases": ["main"], "primary_muscles": ["core"], "minutes": 5,
   "dose": {"sets": 2, "reps": 10}, "movements": ["crawling"], "rest_hours": 100}]}
JSON
for file in movement_unknown movement_repeated movements_not_list rules_unknown_condition \
            rules_declared_condition rules_unknown_movement rules_repeated_movement \
            rules_not_object rules_list_not_list rules_entry_not_string warmup_strength \
            warmup_static several; do
  backbalance validate $file.json
  echo "$file: $?"
done
