variable "launch_configuration" {
  type    = string
  default = null
}

resource "aws_launch_template" "ecs" {
  name_prefix   = "ecs-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "m6i.large"
}

resource "aws_autoscaling_group" "ecs" {
  name = "ecs"
  launch_template {
    id      = aws_launch_template.ecs.id
    version = aws_launch_template.ecs.latest_version
  }
  min_size            = 1
  max_size            = 3
  vpc_zone_identifier = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

# lookalike: a module-style group whose launch configuration is optional and off by default
resource "aws_autoscaling_group" "optional" {
  name                 = "optional"
  launch_configuration = var.launch_configuration
  min_size             = 0
  max_size             = 1
  vpc_zone_identifier  = ["subnet-0123456789abcdef0"]

  mixed_instances_policy {
    launch_template {
      launch_template_specification {
        launch_template_id = aws_launch_template.ecs.id
      }
    }
  }
}
