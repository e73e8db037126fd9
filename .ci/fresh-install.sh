#!/usr/bin/env bash
# A fresh machine without libsecret's headers still installs (keytar is an optional
# dependency), the CLI's demo works, and the keychain fails closed with the hint that names
# the packages to install and `npm rebuild keytar`. Runs on a clone of HEAD whose pkg-config
# finds nothing (PKG_CONFIG_LIBDIR=/nonexistent), so keytar's native build fails as it would
# there. Prints one line per check and exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

start=$SECONDS
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q --no-hardlinks . "$work/repo"
cd "$work/repo"

fail() {
  echo "fresh install: FAILED: $1" >&2
  [ -n "${2:-}" ] && printf '%s\n' "$2" | tail -20 >&2
  exit 1
}

# build-from-source: prebuild-install must not fetch a binary instead (where GitHub is reachable).
if ! out=$(PKG_CONFIG_LIBDIR=/nonexistent npm_config_build_from_source=true ELECTRON_SKIP_BINARY_DOWNLOAD=1 \
  npm install --no-audit --no-fund --loglevel=error 2>&1); then
  fail "npm install exited non-zero without libsecret's headers" "$out"
fi
[ -e node_modules/keytar/build/Release/keytar.node ] && fail "keytar was built although pkg-config could not find libsecret (the check proves nothing)"
echo "fresh install: npm install exits 0 without libsecret's headers (keytar left out)"

set +e
demo=$(npm run --silent cli -- balance --demo 2>&1)
demo_rc=$?
status=$(npm run --silent cli -- status 2>&1)
status_rc=$?
set -e
[ "$demo_rc" = 0 ] || fail "balance --demo exited $demo_rc" "$demo"
grep -q 'demo portfolio, not your account' <<<"$demo" || fail "balance --demo did not print the demo" "$demo"
echo "fresh install: balance --demo prints the demo"
[ "$status_rc" = 3 ] || fail "status exited $status_rc, not 3" "$status"
for needle in KEYCHAIN_UNAVAILABLE 'libsecret-1-dev' 'libsecret-devel' 'npm rebuild keytar'; do
  grep -qF "$needle" <<<"$status" || fail "status does not say \"$needle\"" "$status"
done
echo "fresh install: status exits 3 with KEYCHAIN_UNAVAILABLE and the libsecret + npm rebuild keytar hint"
echo "fresh install: $((SECONDS - start)) s"
