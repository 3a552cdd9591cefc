variable "network_mode" {
  type    = string
  default = "bridge" # evidence: fargate-network-mode value
}

variable "other_mode" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = var.network_mode # expect: fargate-network-mode
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_task_definition" "unknown" {
  family                   = "unknown"
  requires_compatibilities = ["FARGATE"]
  network_mode             = var.other_mode
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}
