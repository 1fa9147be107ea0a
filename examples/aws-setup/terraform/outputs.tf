output "role_arn" {
  description = "role-to-assume for the action."
  value       = aws_iam_role.push.arn
}
