variable "subject_repository" {
  description = "The GitHub repository as its OIDC tokens' sub names it: owner/name (acme/web), or owner@owner-id/name@repository-id (acme@123456/web@456789) for a repository with immutable subject claims (created or renamed since 15 July 2026, or opted in)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+(@[0-9]+)?/[A-Za-z0-9_.-]+(@[0-9]+)?$", var.subject_repository))
    error_message = "Use owner/name, or owner@owner-id/name@repository-id."
  }
}

variable "branches" {
  description = "Protected branches that may push."
  type        = list(string)
  default     = ["main"]
}

variable "tag_patterns" {
  description = "Release tag patterns that may push (guard them with a ruleset); [] for none."
  type        = list(string)
  default     = ["v*"]
}

variable "environments" {
  description = "Protected environments whose jobs may push."
  type        = list(string)
  default     = []
}

variable "repository" {
  description = "The ECR repository the role pushes to, or a pattern such as team/* for one role over a team's repositories."
  type        = string
  default     = "team/web"
}

variable "role_name" {
  type    = string
  default = "github-push"
}

variable "create_oidc_provider" {
  description = "false when the account already has the token.actions.githubusercontent.com provider."
  type        = bool
  default     = true
}
