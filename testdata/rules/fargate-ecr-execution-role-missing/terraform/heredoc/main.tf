variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "account_id" {
  type = string
}

resource "aws_ecs_task_definition" "worker" { # expect: fargate-ecr-execution-role-missing
  family                   = "worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  container_definitions    = <<-JSON
    [
      {
        "name": "worker",
        "image": "${var.account_id}.dkr.ecr.${var.region}.amazonaws.com/worker:2.0.1",
        "essential": true
      }
    ]
  JSON
}
