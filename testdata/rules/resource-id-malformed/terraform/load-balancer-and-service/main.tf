resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "network"
  security_groups    = ["sg-0123456789abcdef0"]

  subnet_mapping {
    subnet_id = "subnet-0123456789abcdef0"
  }

  subnet_mapping {
    subnet_id = "subnet-01234567-89ab" # expect: resource-id-malformed
  }
}

resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = "arn:aws:ecs:eu-west-1:123456789012:cluster/main"
  task_definition = "app:1"
  launch_type     = "FARGATE"
  desired_count   = 1

  network_configuration {
    subnets         = ["subnet-0123456789abcdef0"]
    security_groups = ["default"] # expect: resource-id-malformed
  }
}

# EC2-Classic style security group names are allowed on instances: not judged
resource "aws_instance" "legacy" {
  ami             = "ami-0123456789abcdef0"
  instance_type   = "t3.micro"
  security_groups = ["default"]
}
