#!/usr/bin/env bash
# CI check of what a user installs: `npm pack` (its prepack builds the bundle), the tarball's file
# list, then `npm install -g` of the tarball into a temporary prefix and the installed command run
# from a folder outside the repository: a dry run on the README's example prints a Dockerfile,
# --version matches package.json, and the code loaded only by some runs (every chunk of the
# bundle; the XML, TOML and YAML parsers and Handlebars' compiler, which come from the
# package's dependencies) works from the installed copy.
#
#   bash scripts/ci-pack.sh        (needs npm ci first; reaches the npm registry for the dependencies)
#
# Ends with one line `pack: N passed, N failed`; exits 1 when any check failed.
set -uo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
WORK=$(mktemp -d "${TMPDIR:-/tmp}/slim-pack-XXXXXX")
trap 'rm -rf "$WORK"' EXIT

passed=0
failed=0
ok() { echo "pack: ok: $1"; passed=$((passed + 1)); }
bad() { echo "pack: FAILED: $1"; failed=$((failed + 1)); }
finish() {
  echo "pack: $passed passed, $failed failed"
  [[ $failed -eq 0 ]] && exit 0 || exit 1
}

VERSION=$(node -p "require('./package.json').version")

# ---- pack ----
if ! npm pack --pack-destination "$WORK" >"$WORK/pack.log" 2>&1; then
  tail -20 "$WORK/pack.log"
  bad "npm pack (with its prepack build) failed"
  finish
fi
TARBALL=$(ls "$WORK"/*.tgz 2>/dev/null | head -1)
if [[ -z $TARBALL ]]; then
  bad "npm pack wrote no tarball"
  finish
fi
files=$(tar -tzf "$TARBALL" | wc -l)
unpacked=$(tar -tvzf "$TARBALL" | awk '{ s += $3 } END { printf "%.0f", s / 1024 }')
echo "pack: $(basename "$TARBALL"): $(($(stat -c %s "$TARBALL") / 1024)) kB packed, $unpacked kB unpacked, $files files"
ok "npm pack"

# ---- what the tarball holds: what runs, and nothing else ----
tar -tzf "$TARBALL" | sed 's|^package/||' | sort >"$WORK/files.txt"
unexpected=$(grep -vE '^(package\.json|README\.md|LICENSE|bin/create-slim-image\.cjs|bin/cached-require\.cjs|dist/cli\.cjs|dist/cli-[A-Za-z0-9_-]+\.cjs|dist/precompiled-[a-z]+\.cjs|dist/THIRD-PARTY-LICENSES\.txt|templates/.+\.hbs)$' "$WORK/files.txt")
if [[ -n $unexpected ]]; then
  bad "the tarball holds files that do not run: $(echo "$unexpected" | head -10 | tr '\n' ' ')"
else
  ok "the tarball holds only bin/, the bundle, the templates, README and package.json"
fi
missing=""
for f in bin/create-slim-image.cjs dist/cli.cjs dist/precompiled-partials.cjs dist/precompiled-node.cjs README.md templates/node/Dockerfile.hbs; do
  grep -qx "$f" "$WORK/files.txt" || missing="$missing $f"
done
[[ -z $missing ]] && ok "the tarball has the entry points and templates" || bad "missing from the tarball:$missing"

# ---- install it as a user would ----
PREFIX="$WORK/prefix"
if ! npm install -g --prefix "$PREFIX" --no-audit --no-fund --loglevel=error "$TARBALL" >"$WORK/install.log" 2>&1; then
  tail -20 "$WORK/install.log"
  bad "npm install -g of the tarball failed"
  finish
fi
BIN="$PREFIX/bin/create-slim-image"
INSTALLED="$PREFIX/lib/node_modules/create-slim-image"
[[ -x $BIN ]] && ok "npm install -g put create-slim-image on the PATH" || { bad "no $BIN after npm install -g"; finish; }

# Run from a folder that is not inside the repository, so nothing resolves from the checkout.
OUTSIDE="$WORK/elsewhere"
mkdir -p "$OUTSIDE"
run() { (cd "$OUTSIDE" && "$BIN" "$@" </dev/null); }

out=$(run "$REPO/examples/express-api" --yes --dry-run 2>"$WORK/err.txt")
code=$?
if [[ $code -eq 0 ]] && grep -q '^FROM ' <<<"$out" && grep -q 'Dockerfile' <<<"$out"; then
  ok "installed CLI: --yes --dry-run on examples/express-api prints a Dockerfile"
else
  echo "$out" | tail -5
  tail -5 "$WORK/err.txt"
  bad "installed CLI: --yes --dry-run on examples/express-api (exit $code) did not print a Dockerfile"
fi

printed=$(run --version 2>&1)
[[ $printed == "$VERSION" ]] && ok "installed CLI: --version prints $VERSION" || bad "installed CLI: --version printed '$printed', package.json says $VERSION"

# Chunks load only on some runs (prompts, --verify): each must at least load from the install.
chunks_ok=1
for chunk in "$INSTALLED"/dist/cli-*.cjs; do
  if ! (cd "$OUTSIDE" && node -e "require(process.argv[1])" "$chunk") >"$WORK/chunk.log" 2>&1; then
    tail -3 "$WORK/chunk.log"
    chunks_ok=0
    bad "bundle chunk $(basename "$chunk") does not load"
  fi
done
[[ $chunks_ok -eq 1 ]] && ok "every chunk of the bundle loads"

# Parsers and the template compiler come from the installed dependencies, loaded on use.
out=$(run "$REPO/test/fixtures/java-maven-spring-boot" --yes --dry-run 2>"$WORK/err.txt")
code=$?
[[ $code -eq 0 ]] && grep -q '^FROM ' <<<"$out" && ok "installed CLI: a Maven project (XML parser)" || { tail -5 "$WORK/err.txt"; bad "installed CLI: the Maven fixture (exit $code)"; }

out=$(run "$REPO/test/fixtures/rust-axum-rustls" --yes --dry-run 2>"$WORK/err.txt")
code=$?
[[ $code -eq 0 ]] && grep -q '^FROM ' <<<"$out" && ok "installed CLI: a Cargo project (TOML parser)" || { tail -5 "$WORK/err.txt"; bad "installed CLI: the Cargo fixture (exit $code)"; }

out=$(run "$REPO/test/fixtures/monorepo-pnpm" --app apps/api --yes --dry-run 2>"$WORK/err.txt")
code=$?
[[ $code -eq 0 ]] && grep -q '^FROM ' <<<"$out" && ok "installed CLI: a pnpm workspace (YAML parser)" || { tail -5 "$WORK/err.txt"; bad "installed CLI: the pnpm workspace fixture (exit $code)"; }

mkdir -p "$WORK/override/node"
{ echo '# overridden for {{port}}'; cat "$REPO/templates/node/Dockerfile.hbs"; } >"$WORK/override/node/Dockerfile.hbs"
out=$(run "$REPO/examples/express-api" --yes --dry-run --templates "$WORK/override" 2>"$WORK/err.txt")
code=$?
[[ $code -eq 0 ]] && grep -q '^# overridden for 3000' <<<"$out" && ok "installed CLI: an override template (Handlebars compiler)" || { tail -5 "$WORK/err.txt"; bad "installed CLI: an override template (exit $code)"; }

finish
