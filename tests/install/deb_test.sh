#!/usr/bin/env bash
# The Debian packages (cmake/BackbalancePackaging.cmake, scripts/make-debs) hold what they
# should, declare their dependencies, and work: unpacked into a scratch root (dpkg -x, as
# a package manager would place them under /), examples/c builds against the dev package
# through pkg-config and plans a week with the runtime package's library, examples/consumer
# builds with find_package(backbalance), and the command line runs.
#   tests/install/deb_test.sh [DEB_DIR]      default: build them with scripts/make-debs
# Prints "N passed, 0 failed" at the end; exits 1 on the first failure.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="$(sed -nE 's/^project\(backbalance VERSION ([0-9.]+).*/\1/p' "$repo/CMakeLists.txt")"
arch="$(dpkg --print-architecture)"
multiarch="$(dpkg-architecture -qDEB_HOST_MULTIARCH)"

if [ $# -ge 1 ]; then
  debs="$1"
else
  debs="$(dirname "$("$repo/scripts/make-debs" | head -n1)")"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
passed=0

fail() { echo "FAIL: $*" >&2; echo "$passed passed, 1 failed"; exit 1; }
pass() { echo "ok: $*"; passed=$((passed + 1)); }

runtime="$debs/libbackbalance0_${version}_${arch}.deb"
dev="$debs/libbackbalance-dev_${version}_${arch}.deb"
cli="$debs/backbalance_${version}_${arch}.deb"
for deb in "$runtime" "$dev" "$cli"; do
  [ -f "$deb" ] || fail "missing $deb (have: $(ls "$debs"))"
done
pass "three packages for $version on $arch"

field() { dpkg-deb -f "$1" "$2"; }
contents() { dpkg-deb -c "$1" | awk '{print $6}' | sed 's|^\./|/|'; }

# --- Control fields ------------------------------------------------------------------
depends="$(field "$runtime" Depends)"
grep -q 'libc6' <<<"$depends" && grep -q 'libstdc++6' <<<"$depends" ||
  fail "libbackbalance0 Depends lacks the shared libraries it links: $depends"
pass "libbackbalance0 Depends: $depends"
depends="$(field "$dev" Depends)"
for needed in "libbackbalance0 (= $version)" libabsl-dev libboost-dev nlohmann-json3-dev; do
  grep -qF "$needed" <<<"$depends" || fail "libbackbalance-dev Depends lacks $needed: $depends"
done
pass "libbackbalance-dev Depends: $depends"
depends="$(field "$cli" Depends)"
grep -q 'libc6' <<<"$depends" || fail "backbalance Depends lacks libc6: $depends"
pass "backbalance Depends: $depends"
[ "$(field "$runtime" Section)" = libs ] && [ "$(field "$dev" Section)" = libdevel ] ||
  fail "sections: $(field "$runtime" Section), $(field "$dev" Section)"
pass "sections libs and libdevel"

# --- Contents: each file in one package ----------------------------------------------
libdir="/usr/lib/$multiarch"
contents "$runtime" >"$work/runtime.txt"
contents "$dev" >"$work/dev.txt"
contents "$cli" >"$work/cli.txt"
for f in "$libdir/libbackbalance.so.0" "$libdir/libbackbalance.so.$version"; do
  grep -qx "$f" "$work/runtime.txt" || fail "libbackbalance0 lacks $f"
done
! grep -q '^/usr/include\|\.a$\|/usr/bin/' "$work/runtime.txt" ||
  fail "libbackbalance0 holds development files or programs"
pass "libbackbalance0 holds the shared library only"
for f in /usr/include/backbalance/backbalance.h "$libdir/libbackbalance.so" \
         "$libdir/libbackbalance++.a" "$libdir/pkgconfig/backbalance.pc" \
         "$libdir/cmake/backbalance/backbalanceConfig.cmake" \
         "$libdir/cmake/backbalance/backbalanceConfigVersion.cmake"; do
  grep -qx "$f" "$work/dev.txt" || fail "libbackbalance-dev lacks $f"
done
pass "libbackbalance-dev holds headers, the CMake package and pkg-config"
grep -qx /usr/bin/backbalance "$work/cli.txt" || fail "backbalance lacks /usr/bin/backbalance"
! grep -q "\.so\|/usr/include" "$work/cli.txt" || fail "backbalance holds library files"
pass "backbalance holds the command line"

# --- Unpacked into a scratch root ----------------------------------------------------
for deb in "$runtime" "$dev" "$cli"; do dpkg -x "$deb" "$root"; done
export LD_LIBRARY_PATH="$root$libdir"
out="$("$root/usr/bin/backbalance" --version)"
[ "$out" = "backbalance $version" ] || fail "backbalance --version: $out"
pass "the command line runs: $out"

# examples/c against the dev package through pkg-config (its .pc file is relocatable).
cmake -S "$repo/examples/c" -B "$work/example-c" -DCMAKE_PREFIX_PATH="$root/usr" \
  -DCMAKE_BUILD_TYPE=Release >"$work/example-c.log" 2>&1 ||
  { cat "$work/example-c.log"; fail "examples/c does not configure against the packages"; }
cmake --build "$work/example-c" >>"$work/example-c.log" 2>&1 ||
  { cat "$work/example-c.log"; fail "examples/c does not build against the packages"; }
# ldd's whole output first: `ldd | grep -q` under pipefail fails when grep stops reading
# early and ldd dies of SIGPIPE, which a long list of libraries makes likely.
libraries="$(ldd "$work/example-c/plan_week")"
grep -q "libbackbalance.so.0 => $root$libdir/" <<<"$libraries" ||
  fail "plan_week does not load the packaged library: $libraries"
"$work/example-c/plan_week" "$repo/examples/profiles/desk_worker.json" >"$work/week.txt" ||
  fail "plan_week failed"
grep -qi monday "$work/week.txt" || fail "plan_week printed no week: $(cat "$work/week.txt")"
pass "examples/c builds with pkg-config against the packages and plans a week"

# examples/consumer (C++) through the CMake package of the dev package.
cmake -S "$repo/examples/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$root/usr" \
  -DCMAKE_BUILD_TYPE=Release >"$work/consumer.log" 2>&1 ||
  { cat "$work/consumer.log"; fail "examples/consumer does not configure against the packages"; }
cmake --build "$work/consumer" >>"$work/consumer.log" 2>&1 ||
  { cat "$work/consumer.log"; fail "examples/consumer does not build against the packages"; }
"$work/consumer/consumer" >/dev/null || fail "examples/consumer failed"
pass "examples/consumer builds with find_package(backbalance) against the packages and runs"

echo "$passed passed, 0 failed"
