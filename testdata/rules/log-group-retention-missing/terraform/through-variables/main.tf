variable "retention" {
  type    = number
  default = 0 # evidence: log-group-retention-missing value
}

variable "unknown_retention" {
  type = number
}

variable "services" {
  type    = list(string)
  default = ["a", "b"]
}

resource "aws_cloudwatch_log_group" "svc" {
  count             = length(var.services)
  name              = "/ecs/${var.services[count.index]}"
  retention_in_days = var.retention # expect: log-group-retention-missing
}

resource "aws_cloudwatch_log_group" "unknown" {
  name              = "/ecs/unknown"
  retention_in_days = var.unknown_retention
}
