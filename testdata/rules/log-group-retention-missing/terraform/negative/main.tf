variable "retention" {
  type = number
}

resource "aws_cloudwatch_log_group" "kept" {
  name              = "/ecs/app"
  retention_in_days = 30
}

resource "aws_cloudwatch_log_group" "from_variable" {
  name              = "/ecs/worker"
  retention_in_days = var.retention
}
