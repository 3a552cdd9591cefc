variable "region" {
  type    = string
  default = "eu-west-1"
}

resource "aws_vpc" "main" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.1.0.0/24"
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route" "default" {
  route_table_id         = aws_route_table.public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.main.id
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}

resource "aws_ecr_repository" "app" { # expect: ecr-lifecycle-policy-missing
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_iam_role" "execution" {
  name = "app-execution"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_ecs_task_definition" "ecr" {
  family                   = "ecr"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.execution.arn
  container_definitions    = jsonencode([{ name = "app", image = "${aws_ecr_repository.app.repository_url}:1.4.2" }])
}

resource "aws_ecs_service" "ecr_without_endpoints" {
  name            = "ecr"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.ecr.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = [aws_subnet.public.id]
    assign_public_ip = false # expect: public-subnet-without-public-ip
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

# lookalike: the same ECR pull through VPC endpoints in another VPC works without a public IP
resource "aws_vpc" "with_endpoints" {
  cidr_block = "10.2.0.0/16"
}

resource "aws_internet_gateway" "with_endpoints" {
  vpc_id = aws_vpc.with_endpoints.id
}

resource "aws_subnet" "with_endpoints" {
  vpc_id     = aws_vpc.with_endpoints.id
  cidr_block = "10.2.0.0/24"
}

resource "aws_route_table" "with_endpoints" {
  vpc_id = aws_vpc.with_endpoints.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.with_endpoints.id
  }
}

resource "aws_route_table_association" "with_endpoints" {
  subnet_id      = aws_subnet.with_endpoints.id
  route_table_id = aws_route_table.with_endpoints.id
}

resource "aws_vpc_endpoint" "ecr_api" {
  vpc_id              = aws_vpc.with_endpoints.id
  service_name        = "com.amazonaws.${var.region}.ecr.api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}

resource "aws_vpc_endpoint" "ecr_dkr" {
  vpc_id              = aws_vpc.with_endpoints.id
  service_name        = "com.amazonaws.${var.region}.ecr.dkr"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.with_endpoints.id
  service_name    = "com.amazonaws.${var.region}.s3"
  route_table_ids = [aws_route_table.with_endpoints.id]
}

resource "aws_ecs_service" "ecr_with_endpoints" {
  name            = "ecr-endpoints"
  cluster         = "app-cluster"
  task_definition = aws_ecs_task_definition.ecr.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets = [aws_subnet.with_endpoints.id]
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
