#!/usr/bin/env bash
# Fails when the committed dist/ differs from a fresh `npm run package`: actions run from
# the repository, so dist/ must be exactly what src/ builds to.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent package >/dev/null
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ is stale: run 'npm run package' and commit dist/." >&2
  git status --porcelain -- dist >&2
  git diff --stat -- dist >&2 || true
  exit 1
fi
echo "dist/ matches a fresh build."
