# The port of one container is a variable without a default, written bare in the heredoc: that value is unknown,
# the rest of the document is still checked (its findings are listed in main.tf.expect: JSON holds no comments).
variable "port" {
  type = number
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = <<-EOT
    [
      {
        "name": "app",
        "image": "nginx:1.27",
        "portMappings": [{ "containerPort": ${var.port}, "hostPort": 80 }]
      },
      {
        "name": "metrics",
        "image": "prom/statsd-exporter:v0.26.0",
        "portMappings": [{ "containerPort": 9102, "hostPort": 80 }]
      }
    ]
  EOT
}

# lookalike: the unknown port is on both sides of the mapping, and the other container maps its port to itself
resource "aws_ecs_task_definition" "same" {
  family                   = "same"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = <<-EOT
    [
      {
        "name": "app",
        "image": "nginx:1.27",
        "portMappings": [{ "containerPort": ${var.port}, "hostPort": ${var.port} }]
      },
      {
        "name": "metrics",
        "image": "prom/statsd-exporter:v0.26.0",
        "portMappings": [${jsonencode({ containerPort = 9102, hostPort = 9102 })}]
      }
    ]
  EOT
}
