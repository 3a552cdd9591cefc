resource "aws_ecs_task_definition" "default_bridge" { # expect: fargate-network-mode
  family                   = "default-bridge"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_task_definition" "host" {
  family                   = "host"
  requires_compatibilities = ["EC2", "FARGATE"]
  network_mode             = "host" # expect: fargate-network-mode
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

# lookalikes: awsvpc on Fargate, bridge on EC2
resource "aws_ecs_task_definition" "awsvpc" {
  family                   = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_task_definition" "bridge_on_ec2" {
  family                   = "bridge-on-ec2"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27", memory = 256 }])
}
