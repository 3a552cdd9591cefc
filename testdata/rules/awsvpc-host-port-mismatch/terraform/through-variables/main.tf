variable "container_port" {
  type    = number
  default = 3000
}

variable "host_port" {
  type = number
}

locals {
  public_port = 80 # evidence: awsvpc-host-port-mismatch value
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name  = "web"
    image = "node:20.11-alpine"
    portMappings = [{
      containerPort = var.container_port
      hostPort      = local.public_port # expect: awsvpc-host-port-mismatch
    }]
  }])
}

resource "aws_ecs_task_definition" "unknown" {
  family                   = "unknown"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name         = "web"
    image        = "node:20.11-alpine"
    portMappings = [{ containerPort = var.container_port, hostPort = var.host_port }]
  }])
}
