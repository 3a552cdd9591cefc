resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_subnet" "public" { # evidence: public-subnet-without-public-ip resource
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)
  availability_zone = ["us-east-1a", "us-east-1b"][count.index]
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}

resource "aws_route_table_association" "public" {
  count          = 2
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_service" "omitted" {
  name            = "omitted"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"

  network_configuration { # expect: public-subnet-without-public-ip
    subnets = aws_subnet.public[*].id
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

resource "aws_ecs_service" "disabled" {
  name            = "disabled"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = [aws_subnet.public[0].id]
    assign_public_ip = false # expect: public-subnet-without-public-ip
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

# lookalikes: a public IP, and the EC2 launch type (the instance pulls the image)
resource "aws_ecs_service" "public_ip" {
  name            = "public-ip"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = aws_subnet.public[*].id
    assign_public_ip = true
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

resource "aws_ecs_service" "on_ec2" {
  name            = "on-ec2"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "EC2"

  network_configuration {
    subnets = aws_subnet.public[*].id
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
