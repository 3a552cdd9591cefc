variable "sizes" {
  type = object({ min = number, max = number, desired = number })
  default = { # evidence: autoscaling-group-size-invalid value
    min     = 4
    max     = 10
    desired = 2
  }
}

resource "aws_launch_template" "ecs" {
  name_prefix   = "ecs-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "m6i.large"
}

resource "aws_autoscaling_group" "desired_below_min" {
  name                = "desired-below-min"
  min_size            = var.sizes.min
  max_size            = var.sizes.max
  desired_capacity    = var.sizes.desired # expect: autoscaling-group-size-invalid
  vpc_zone_identifier = ["subnet-0123456789abcdef0"]
  launch_template {
    id = aws_launch_template.ecs.id
  }
}

resource "aws_autoscaling_group" "min_above_max" {
  name                = "min-above-max"
  min_size            = 3 # expect: autoscaling-group-size-invalid
  max_size            = 2
  vpc_zone_identifier = ["subnet-0123456789abcdef0"]
  launch_template {
    id = aws_launch_template.ecs.id
  }
}
