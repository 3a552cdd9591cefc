resource "aws_launch_configuration" "ecs" { # expect: launch-configuration-used
  name_prefix   = "ecs-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "m6i.large"
}

resource "aws_autoscaling_group" "ecs" { # evidence: launch-configuration-used resource
  name                 = "ecs"
  launch_configuration = aws_launch_configuration.ecs.name
  min_size             = 1
  max_size             = 3
  vpc_zone_identifier  = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_ecs_capacity_provider" "ecs" { # evidence: launch-configuration-used resource
  name = "ecs"
  auto_scaling_group_provider {
    auto_scaling_group_arn = aws_autoscaling_group.ecs.arn
  }
}

# a group naming a launch configuration made elsewhere
resource "aws_autoscaling_group" "legacy" {
  name                 = "legacy"
  launch_configuration = "legacy-lc-2019" # expect: launch-configuration-used
  min_size             = 1
  max_size             = 2
  vpc_zone_identifier  = ["subnet-0123456789abcdef0"]
}
