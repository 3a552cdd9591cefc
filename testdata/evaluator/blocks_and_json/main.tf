# Nested and dynamic blocks, JSON documents (jsonencode, heredoc), and the attributes preflight renames.
variable "rules" {
  default = [
    { port = 443, cidrs = ["0.0.0.0/0"], desc = "https" },
    { port = 22, cidrs = ["10.0.0.0/8", "172.16.0.0/12"], desc = "ssh" },
  ]
}

variable "containers" {
  default = {
    app     = { image = "nginx:1.25", port = 80, essential = true }
    sidecar = { image = "busybox:latest", port = 9000, essential = false }
  }
}

resource "aws_vpc" "main" {
  cidr_block = "10.4.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.4.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.4.2.0/24"
  availability_zone = "us-east-1b"
}

resource "aws_security_group" "dynamic" {
  name   = "dynamic"
  vpc_id = aws_vpc.main.id

  dynamic "ingress" {
    for_each = var.rules
    iterator = rule
    content {
      description = rule.value.desc
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = "tcp"
      cidr_blocks = rule.value.cidrs
    }
  }
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = "512"
  container_definitions = jsonencode([
    for name in sort(keys(var.containers)) : {
      name         = name
      image        = var.containers[name].image
      essential    = var.containers[name].essential
      cpu          = 0
      portMappings = [{ containerPort = var.containers[name].port, protocol = "tcp" }]
      environment  = [{ name = "SERVICE", value = upper(name) }]
    }
  ])
}

resource "aws_iam_role" "task" {
  name = "task"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
    }]
  })
}

resource "aws_iam_policy" "read" {
  name   = "read"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["s3:GetObject", "s3:ListBucket"],
          "Resource": "*"
        }
      ]
    }
  JSON
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/app"
  retention_in_days = 14
}

resource "aws_lb" "app" {
  name               = "app"
  load_balancer_type = "network"
  internal           = true

  subnet_mapping {
    subnet_id            = aws_subnet.a.id
    private_ipv4_address = "10.4.1.10"
  }

  subnet_mapping {
    subnet_id            = aws_subnet.b.id
    private_ipv4_address = "10.4.2.10"
  }
}

resource "aws_lb_target_group" "app" {
  name        = "app"
  port        = 80
  protocol    = "TCP"
  target_type = "ip"
  vpc_id      = aws_vpc.main.id

  health_check {
    enabled             = true
    interval            = 30
    healthy_threshold   = 3
    unhealthy_threshold = 3
    protocol            = "TCP"
  }
}

resource "aws_lb_listener" "app" {
  load_balancer_arn = aws_lb.app.arn
  port              = 80
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = [aws_subnet.a.id, aws_subnet.b.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 80
  }
}

resource "aws_route_table" "rt" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = "igw-0123456789abcdef0"
  }

  route {
    ipv6_cidr_block        = "::/0"
    egress_only_gateway_id = "eigw-0123456789abcdef0"
  }
}
