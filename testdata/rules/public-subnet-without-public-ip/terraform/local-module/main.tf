variable "assign_public_ip" {
  type    = bool
  default = false # evidence: public-subnet-without-public-ip value
}

module "network" {
  source = "./modules/network"
  cidr   = "10.3.0.0/16"
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "public.ecr.aws/nginx/nginx:1.27" }])
}

resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = module.network.public_subnet_ids
    assign_public_ip = var.assign_public_ip # expect: public-subnet-without-public-ip
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
