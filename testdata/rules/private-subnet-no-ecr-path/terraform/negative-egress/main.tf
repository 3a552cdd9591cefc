variable "extra_subnet_id" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.0/24"
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_subnet" "isolated" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.2.0/24"
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "main" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public.id
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route" "private_nat" {
  route_table_id         = aws_route_table.private.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.main.id
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE", "EC2"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
  container_definitions = jsonencode([{
    name  = "app"
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2"
  }])
}

# NAT default route: fine
resource "aws_ecs_service" "behind_nat" {
  name            = "behind-nat"
  cluster         = "main"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets = [aws_subnet.private.id]
  }
}

# public subnet with a public IP: fine
resource "aws_ecs_service" "public" {
  name            = "public"
  cluster         = "main"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = [aws_subnet.public.id]
    assign_public_ip = true
  }
}

# EC2 launch type: the container instance pulls the image, not the task
resource "aws_ecs_service" "on_ec2" {
  name            = "on-ec2"
  cluster         = "main"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "EC2"

  network_configuration {
    subnets = [aws_subnet.isolated.id]
  }
}

# a subnet that is not known before apply: not judged
resource "aws_ecs_service" "unknown_subnet" {
  name            = "unknown-subnet"
  cluster         = "main"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets = [aws_subnet.isolated.id, var.extra_subnet_id]
  }
}

# the cluster's default capacity provider strategy decides where this runs: not judged
resource "aws_ecs_service" "cluster_default" {
  name            = "cluster-default"
  cluster         = "main"
  task_definition = aws_ecs_task_definition.app.arn

  network_configuration {
    subnets = [aws_subnet.isolated.id]
  }
}
