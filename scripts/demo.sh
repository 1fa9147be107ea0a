#!/usr/bin/env bash
# The first thing to run: brings up the local ECR stack, then ships the sample app in
# demo-app/ with the bundled action (dist/), exactly as a workflow step would, and shows
# what the job would: the step's log, the outputs, the pushed image run by a later step of
# the job on each platform, the post step, and the job summary.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f dist/main/index.js ] || npm run --silent package
bash scripts/local-stack.sh up
set -a
eval "$(bash scripts/local-stack.sh env)"
set +a

# The sample image is FROM scratch with a static busybox per architecture.
mkdir -p demo-app/.rootfs
for arch in amd64 arm64; do
  cp "$STACK_BUSYBOX_DIR/$arch/busybox" "demo-app/.rootfs/busybox-$arch"
done

# The step as a workflow runs it, the outputs and the image run by a later step of the job
# (before the post step logs docker out), then the job summary.
node scripts/demo.mjs \
  role-to-assume=arn:aws:iam::123456789012:role/github-push \
  aws-region=us-east-1 \
  repository=demo/hello \
  version="demo-$(date +%Y%m%d%H%M%S)" \
  context=demo-app \
  lifecycle-policy=demo-app/lifecycle-policy.json

echo
echo "The post step logged docker out again, as on a runner. To pull the image yourself, log in"
echo "with the stack's registry password first:"
echo "  echo 123456789012-auth-token | docker login --username AWS --password-stdin $ECR_REGISTRY"
echo "  docker run --rm --platform linux/arm64 $ECR_REGISTRY/demo/hello:latest"
