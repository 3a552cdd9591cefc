resource "aws_ecs_task_definition" "matching" {
  family                   = "matching"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx:1.27"
    portMappings = [{ containerPort = 80, hostPort = 80 }, { containerPort = 443 }]
  }])
}

resource "aws_ecs_task_definition" "bridge" {
  family       = "bridge"
  network_mode = "bridge"
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx:1.27"
    memory       = 256
    portMappings = [{ containerPort = 80, hostPort = 8080 }]
  }])
}
