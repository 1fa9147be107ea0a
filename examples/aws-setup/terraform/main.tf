# The push role for acme/ecr-build-push: GitHub's OIDC provider, a role that protected
# branches, release tag patterns or environments of one GitHub repository may assume, and
# the least-privilege policy the action prints for its default inputs (a dry run prints
# the one for yours).
#
#   module "github_push" {
#     source             = "./aws-setup/terraform"
#     subject_repository = "acme/web"
#     repository         = "team/web"
#   }

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  provider_arn = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"
  subjects = concat(
    [for b in var.branches : "repo:${var.subject_repository}:ref:refs/heads/${b}"],
    [for t in var.tag_patterns : "repo:${var.subject_repository}:ref:refs/tags/${t}"],
    [for e in var.environments : "repo:${var.subject_repository}:environment:${e}"],
  )
  repository_arn = "arn:${data.aws_partition.current.partition}:ecr:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:repository/${var.repository}"
}

resource "aws_iam_openid_connect_provider" "github" {
  count          = var.create_oidc_provider ? 1 : 0
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = var.create_oidc_provider ? [aws_iam_openid_connect_provider.github[0].arn] : [local.provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = local.subjects
    }
  }
}

data "aws_iam_policy_document" "push" {
  statement {
    sid       = "Login"
    effect    = "Allow"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }
  statement {
    sid    = "Repository"
    effect = "Allow"
    actions = [
      "ecr:DescribeRepositories",
      "ecr:GetLifecyclePolicy",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
      "ecr:BatchCheckLayerAvailability",
      "ecr:InitiateLayerUpload",
      "ecr:UploadLayerPart",
      "ecr:CompleteLayerUpload",
      "ecr:PutImage",
      "ecr:DescribeImages",
      "ecr:DescribeImageSigningStatus",
      "ecr:CreateRepository",
      "ecr:PutImageTagMutability",
      "ecr:PutImageScanningConfiguration",
      "ecr:PutLifecyclePolicy",
    ]
    resources = [local.repository_arn]
  }
  statement {
    sid       = "RegistryScanning"
    effect    = "Allow"
    actions   = ["ecr:GetRegistryScanningConfiguration"]
    resources = ["*"]
  }
  statement {
    sid       = "ManagedSigning"
    effect    = "Allow"
    actions   = ["ecr:GetSigningConfiguration"]
    resources = ["*"]
  }
  statement {
    sid       = "CreationTemplates"
    effect    = "Allow"
    actions   = ["ecr:DescribeRepositoryCreationTemplates"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "push" {
  name               = var.role_name
  description        = "Pushes images to ECR from GitHub Actions (acme/ecr-build-push)."
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "push" {
  name   = "ecr-build-push"
  role   = aws_iam_role.push.id
  policy = data.aws_iam_policy_document.push.json
}
