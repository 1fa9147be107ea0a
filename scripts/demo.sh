#!/usr/bin/env bash
# The first thing to run: brings up the local ECR stack, then ships the sample app in
# example/ with the bundled action (dist/), exactly as a workflow step would, and prints
# the outputs and the job summary.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f dist/main/index.js ] || npm run --silent package
bash scripts/local-stack.sh up
set -a
eval "$(bash scripts/local-stack.sh env)"
set +a

# The sample image is FROM scratch with a static busybox per architecture.
mkdir -p example/.rootfs
for arch in amd64 arm64; do
  cp "$STACK_BUSYBOX_DIR/$arch/busybox" "example/.rootfs/busybox-$arch"
done

node scripts/local-runner.mjs \
  role-to-assume=arn:aws:iam::123456789012:role/github-push \
  aws-region=us-east-1 \
  repository=demo/hello \
  version="demo-$(date +%Y%m%d%H%M%S)" \
  context=example \
  lifecycle-policy=example/lifecycle-policy.json

echo
echo "Run it yourself:"
echo "  docker run --rm --platform linux/arm64 $ECR_REGISTRY/demo/hello:latest"
docker run --rm --platform linux/arm64 "$ECR_REGISTRY/demo/hello:latest"
docker run --rm --platform linux/amd64 "$ECR_REGISTRY/demo/hello:latest"
