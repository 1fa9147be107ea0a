#!/usr/bin/env bash
# Bundles the action into dist/ (committed: actions run from the repository): the main step
# (an entry chunk plus the chunks it loads on demand) and the post step, each with a
# licenses.txt naming every package in any of its chunks.
set -euo pipefail
cd "$(dirname "$0")/.."
stats=$(mktemp -d)
trap 'rm -rf "$stats"' EXIT
for step in main:src/index.ts post:src/post-entry.ts; do
  name=${step%%:*} entry=${step#*:}
  rm -rf "dist/$name"
  npx ncc build "$entry" -o "dist/$name" --stats-out "$stats/$name.json"
  node scripts/licenses.mjs "$stats/$name.json" "dist/$name/licenses.txt"
done
