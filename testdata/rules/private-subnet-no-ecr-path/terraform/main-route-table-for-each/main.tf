variable "private_subnets" {
  type = map(string)
  default = {
    "eu-west-1a" = "10.0.1.0/24"
    "eu-west-1b" = "10.0.2.0/24"
  }
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# no association: the subnets use the VPC's main route table, which has only the local route
resource "aws_subnet" "private" { # evidence: private-subnet-no-ecr-path resource
  for_each          = var.private_subnets
  vpc_id            = aws_vpc.main.id
  availability_zone = each.key
  cidr_block        = each.value
}

# interface endpoints exist, the S3 gateway endpoint does not
resource "aws_vpc_endpoint" "ecr" {
  for_each            = toset(["ecr.api", "ecr.dkr"])
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.${each.value}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
  container_definitions = jsonencode([{
    name  = "app"
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2"
  }])
}

# no launch type: the task definition can only run on Fargate
resource "aws_ecs_service" "app" {
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  name            = "app"
  cluster         = "main"
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 2

  network_configuration {
    subnets = [for s in aws_subnet.private : s.id] # expect: private-subnet-no-ecr-path
  }
}
