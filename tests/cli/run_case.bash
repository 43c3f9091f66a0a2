#!/usr/bin/env bash
# Runs one command-line golden case, in the style of zstd's tests/cli-tests:
#
#   run_case.bash BACKBALANCE_BINARY CASE.sh SOURCE_DIR
#
# CASE.sh runs under bash in a fresh scratch directory, with `backbalance` (the binary
# under test) first on PATH and these variables set:
#   EXAMPLES   SOURCE_DIR/examples (profiles/, plans/)
#   SOURCE     SOURCE_DIR
#   SHARED     SOURCE_DIR/../shared (the shared data folder beside the repository)
# A case that exits 77 is skipped (ctest's SKIP_RETURN_CODE): it must say why on stderr,
# which is shown, e.g. when data it needs from SHARED is absent.
# Beside it, optional expectation files:
#   CASE.sh.exit           the expected exit code (default 0)
#   CASE.sh.stdout.exact   stdout, byte for byte     CASE.sh.stdout.glob   with * wildcards
#   CASE.sh.stderr.exact   stderr, byte for byte     CASE.sh.stderr.glob   with * wildcards
# A glob matches the whole output; `*` matches any text, newlines included; every other
# character (`[`, `]`, `?`, `\` too) stands for itself. A stream without an expectation
# file is not checked.
set -u
export LC_ALL=C

if [ $# -ne 3 ]; then
  echo "usage: $0 BACKBALANCE_BINARY CASE.sh SOURCE_DIR" >&2
  exit 2
fi
binary=$1
case_script=$2
source_dir=$3

if [ ! -x "$binary" ]; then
  echo "FAIL: no executable at $binary" >&2
  exit 1
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/backbalance-cli.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/bin" "$scratch/work"
ln -s "$binary" "$scratch/bin/backbalance"

(
  cd "$scratch/work" &&
    PATH="$scratch/bin:$PATH" EXAMPLES="$source_dir/examples" SOURCE="$source_dir" \
      SHARED="$source_dir/../shared" bash "$case_script" >"$scratch/stdout" 2>"$scratch/stderr"
)
actual_exit=$?

if [ "$actual_exit" -eq 77 ]; then
  echo "SKIP: $(basename "$case_script"): $(cat "$scratch/stderr")"
  exit 77
fi

# True when the text of file $1 matches the glob in file $2 (trailing newlines count:
# the `x` keeps command substitution from dropping them).
glob_match() {
  local actual pattern
  actual=$(cat "$1"; printf x)
  actual=${actual%x}
  pattern=$(cat "$2"; printf x)
  pattern=${pattern%x}
  pattern=${pattern//\\/\\\\}
  pattern=${pattern//\[/\\[}
  pattern=${pattern//\]/\\]}
  pattern=${pattern//\?/\\?}
  # Unquoted on the right of ==: a pattern, with the escapes above taken literally.
  [[ $actual == $pattern ]]
}

failed=0
show() {
  echo "---- $1 ----" >&2
  head -c 4000 "$2" >&2
  echo >&2
}

expected_exit=0
if [ -f "$case_script.exit" ]; then expected_exit=$(tr -d '[:space:]' <"$case_script.exit"); fi
if [ "$actual_exit" != "$expected_exit" ]; then
  echo "FAIL: exit code $actual_exit, expected $expected_exit" >&2
  failed=1
fi

for stream in stdout stderr; do
  if [ -f "$case_script.$stream.exact" ]; then
    if ! cmp -s "$scratch/$stream" "$case_script.$stream.exact"; then
      echo "FAIL: $stream differs from $case_script.$stream.exact" >&2
      show "expected $stream" "$case_script.$stream.exact"
      show "actual $stream" "$scratch/$stream"
      failed=1
    fi
  fi
  if [ -f "$case_script.$stream.glob" ]; then
    if ! glob_match "$scratch/$stream" "$case_script.$stream.glob"; then
      echo "FAIL: $stream does not match $case_script.$stream.glob" >&2
      show "expected $stream (glob)" "$case_script.$stream.glob"
      show "actual $stream" "$scratch/$stream"
      failed=1
    fi
  fi
done

if [ "$failed" -ne 0 ]; then
  show "stdout" "$scratch/stdout"
  show "stderr" "$scratch/stderr"
  exit 1
fi
echo "PASS: $(basename "$case_script")"
