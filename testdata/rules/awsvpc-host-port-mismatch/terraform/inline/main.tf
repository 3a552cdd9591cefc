resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([
    {
      name  = "app"
      image = "nginx:1.27"
      portMappings = [
        { containerPort = 8080, hostPort = 80 }, # expect: awsvpc-host-port-mismatch
        { containerPort = 9090, hostPort = 9090 },
        { containerPort = 9443 }
      ]
    },
    {
      name         = "dynamic"
      image        = "busybox:1.36"
      portMappings = [{ containerPort = 8081, hostPort = 0 }] # expect: awsvpc-host-port-mismatch
    }
  ])
}

resource "aws_ecs_task_definition" "heredoc" {
  family                   = "heredoc"
  requires_compatibilities = ["EC2"]
  network_mode             = "awsvpc"
  container_definitions    = <<DEFS
[{"name": "app", "image": "nginx:1.27", "memory": 256,
  "portMappings": [{"containerPort": 80, "hostPort": 80}]}]
DEFS
}

# lookalike: bridge mode translates ports
resource "aws_ecs_task_definition" "bridge" {
  family                   = "bridge"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  container_definitions = jsonencode([{
    name         = "app"
    image        = "nginx:1.27"
    memory       = 256
    portMappings = [{ containerPort = 8080, hostPort = 80 }]
  }])
}
