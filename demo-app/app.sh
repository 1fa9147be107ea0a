#!/bin/sh
echo "hello from ecr-build-push on $(uname -m) ($(cat /build-info))"
