#!/usr/bin/env bash
# The push role for acme/ecr-build-push with the AWS CLI: GitHub's OIDC provider (once per
# account), a role that a protected branch, a release tag pattern or an environment of one
# GitHub repository may assume, and the least-privilege policy the action prints for its
# default inputs (a dry run prints the one for yours).
#
#   SUBJECT_REPOSITORY=acme/web REPOSITORY=team/web AWS_REGION=ap-northeast-2 bash aws-cli.sh
#   ... bash aws-cli.sh --print    # only print the two policies, call nothing
#
# SUBJECT_REPOSITORY  the GitHub repository as its OIDC tokens' sub names it: owner/name, or
#                     owner@owner-id/name@repository-id with immutable subject claims
#                     (repositories created or renamed since 15 July 2026, or opted in)
# BRANCH              the protected branch that may push (main)
# TAG_PATTERN         release tags that may push, guarded by a ruleset (v*; empty for none)
# ENVIRONMENT         a protected environment whose jobs may push (empty for none)
# REPOSITORY          the ECR repository, or a pattern such as team/* (team/web)
# ROLE_NAME           github-push
set -euo pipefail

: "${SUBJECT_REPOSITORY:?set SUBJECT_REPOSITORY, e.g. acme/web or acme@123456/web@456789}"
BRANCH=${BRANCH-main}
TAG_PATTERN=${TAG_PATTERN-v*}
ENVIRONMENT=${ENVIRONMENT-}
REPOSITORY=${REPOSITORY:-team/web}
ROLE_NAME=${ROLE_NAME:-github-push}
PARTITION=${PARTITION:-aws}
REGION=${AWS_REGION:-${AWS_DEFAULT_REGION:-}}
: "${REGION:?set AWS_REGION, the region of the registry}"

if [[ ! $SUBJECT_REPOSITORY =~ ^[A-Za-z0-9_.-]+(@[0-9]+)?/[A-Za-z0-9_.-]+(@[0-9]+)?$ ]]; then
  echo "SUBJECT_REPOSITORY: use owner/name, or owner@owner-id/name@repository-id" >&2
  exit 2
fi
for value in "$BRANCH" "$TAG_PATTERN" "$ENVIRONMENT" "$REPOSITORY"; do
  case $value in *[\"\\]*) echo "no quotes or backslashes in: $value" >&2; exit 2 ;; esac
done

if [[ ${1-} == --print ]]; then
  ACCOUNT=${ACCOUNT_ID:-123456789012}
else
  ACCOUNT=$(aws sts get-caller-identity --query Account --output text)
fi
PROVIDER="arn:$PARTITION:iam::$ACCOUNT:oidc-provider/token.actions.githubusercontent.com"
K=token.actions.githubusercontent.com

subjects="\"repo:$SUBJECT_REPOSITORY:ref:refs/heads/$BRANCH\""
[[ -n $TAG_PATTERN ]] && subjects+=", \"repo:$SUBJECT_REPOSITORY:ref:refs/tags/$TAG_PATTERN\""
[[ -n $ENVIRONMENT ]] && subjects+=", \"repo:$SUBJECT_REPOSITORY:environment:$ENVIRONMENT\""

trust_policy() {
  cat <<JSON
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Federated": "$PROVIDER"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {
      "StringEquals": {"$K:aud": "sts.amazonaws.com"},
      "StringLike": {"$K:sub": [$subjects]}
    }
  }]
}
JSON
}

permissions_policy() {
  cat <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Login", "Effect": "Allow", "Action": ["ecr:GetAuthorizationToken"], "Resource": "*"},
    {"Sid": "Repository", "Effect": "Allow", "Action": [
      "ecr:DescribeRepositories", "ecr:GetLifecyclePolicy", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
      "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload",
      "ecr:PutImage", "ecr:DescribeImages", "ecr:DescribeImageSigningStatus", "ecr:CreateRepository",
      "ecr:PutImageTagMutability", "ecr:PutImageScanningConfiguration", "ecr:PutLifecyclePolicy"
    ], "Resource": "arn:$PARTITION:ecr:$REGION:$ACCOUNT:repository/$REPOSITORY"},
    {"Sid": "RegistryScanning", "Effect": "Allow", "Action": ["ecr:GetRegistryScanningConfiguration"], "Resource": "*"},
    {"Sid": "ManagedSigning", "Effect": "Allow", "Action": ["ecr:GetSigningConfiguration"], "Resource": "*"},
    {"Sid": "CreationTemplates", "Effect": "Allow", "Action": ["ecr:DescribeRepositoryCreationTemplates"], "Resource": "*"}
  ]
}
JSON
}
trust=$(trust_policy)
permissions=$(permissions_policy)

if [[ ${1-} == --print ]]; then
  printf '%s\n%s\n' "$trust" "$permissions"
  exit 0
fi

# 1. The provider, once per account (an existing one is kept).
if ! aws iam get-open-id-connect-provider --open-id-connect-provider-arn "$PROVIDER" >/dev/null 2>&1; then
  aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com --client-id-list sts.amazonaws.com
fi
# 2. The role and its trust policy.
aws iam create-role --role-name "$ROLE_NAME" --assume-role-policy-document "$trust" \
  --description "Pushes images to ECR from GitHub Actions (acme/ecr-build-push)." --query Role.Arn --output text
# 3. Its permissions.
aws iam put-role-policy --role-name "$ROLE_NAME" --policy-name ecr-build-push --policy-document "$permissions"
