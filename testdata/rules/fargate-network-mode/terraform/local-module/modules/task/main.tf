variable "names" {
  type = list(string)
}

resource "aws_ecs_task_definition" "job" {
  count                    = length(var.names)
  family                   = var.names[count.index]
  requires_compatibilities = ["FARGATE"]
  network_mode             = "none" # expect: fargate-network-mode
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = var.names[count.index], image = "busybox:1.36" }])
}
