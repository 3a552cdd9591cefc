variable "desired" {
  type = number
}

resource "aws_launch_template" "ecs" {
  name_prefix   = "ecs-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "m6i.large"
}

resource "aws_autoscaling_group" "in_range" {
  name                = "in-range"
  min_size            = 1
  max_size            = 3
  desired_capacity    = 3
  vpc_zone_identifier = ["subnet-0123456789abcdef0"]
  launch_template {
    id = aws_launch_template.ecs.id
  }
}

# lookalike: a scaled-to-zero group
resource "aws_autoscaling_group" "zero" {
  name                = "zero"
  min_size            = 0
  max_size            = 0
  vpc_zone_identifier = ["subnet-0123456789abcdef0"]
  launch_template {
    id = aws_launch_template.ecs.id
  }
}

resource "aws_autoscaling_group" "unknown" {
  name                = "unknown"
  min_size            = 1
  max_size            = 3
  desired_capacity    = var.desired
  vpc_zone_identifier = ["subnet-0123456789abcdef0"]
  launch_template {
    id = aws_launch_template.ecs.id
  }
}
