# Plan model v2 profile inputs: pregnancy_week (only with pregnancy, 0..42), cleared (a
# list of ids, checked against a catalog when the profile meets one), the red flags of
# model 2 and an unknown one; a profile with several problems reports them all.
profile() {  # file, fields
  printf '{"schema": "backbalance.profile/1", %s}\n' "$2" > "$1"
}
profile ok.json '"conditions": ["pregnancy"], "pregnancy_week": 42, "cleared": ["cat_cow"], "red_flags": []'
profile late_listed.json '"conditions": ["late_pregnancy"]'
profile week_without_pregnancy.json '"conditions": ["late_pregnancy"], "pregnancy_week": 24'
profile week_out_of_range.json '"conditions": ["pregnancy"], "pregnancy_week": 43'
profile week_negative.json '"conditions": ["pregnancy"], "pregnancy_week": -1'
profile cleared_not_list.json '"cleared": "cat_cow"'
profile cleared_repeated.json '"cleared": ["cat_cow", "cat_cow"]'
profile cleared_unknown.json '"cleared": ["cat_cow", "tai_chi_x"]'
profile new_red_flags.json '"red_flags": ["suspected_fracture", "history_of_cancer", "pregnancy_warning_signs"]'
profile unknown_red_flag.json '"red_flags": ["bleeding"]'
profile several.json '"pain": 11, "pregnancy_week": 12, "red_flags": ["history_of_cancer", "sudden_pain"], "cleared": ["bird_dog", "bird_dog"]'
for file in ok late_listed week_without_pregnancy week_out_of_range week_negative \
            cleared_not_list cleared_repeated cleared_unknown new_red_flags unknown_red_flag \
            several; do
  backbalance validate $file.json
  echo "$file: $?"
done
# Ids are checked when the profile meets a catalog.
backbalance validate --catalog builtin ok.json cleared_unknown.json
echo "with catalog: $?"
