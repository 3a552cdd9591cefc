# Services outside the circuit breaker's documented scope: a DAEMON service (no desired count to compute the
# failure threshold from) and a service behind a Classic Load Balancer. Nothing is reported.
resource "aws_ecs_service" "daemon" {
  name                = "log-agent"
  cluster             = "app-cluster"
  task_definition     = "log-agent:3"
  scheduling_strategy = "DAEMON"
}

resource "aws_elb" "classic" {
  name               = "classic"
  availability_zones = ["us-east-1a", "us-east-1b"]

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}

resource "aws_ecs_service" "behind_classic" {
  name            = "behind-classic"
  cluster         = "app-cluster"
  task_definition = "app:3"
  desired_count   = 2
  iam_role        = "arn:aws:iam::123456789012:role/ecsServiceRole"

  load_balancer {
    elb_name       = aws_elb.classic.name
    container_name = "app"
    container_port = 8080
  }
}
