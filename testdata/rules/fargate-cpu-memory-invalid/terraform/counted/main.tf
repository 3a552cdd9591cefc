variable "workers" {
  type    = set(string)
  default = ["resize", "thumbnail"]
}

resource "aws_ecs_task_definition" "worker" {
  for_each                 = var.workers
  family                   = each.key
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "512" # expect: fargate-cpu-memory-invalid
  container_definitions    = jsonencode([{ name = each.key, image = "busybox:1.36" }])
}

resource "aws_ecs_task_definition" "sized" {
  count                    = 2
  family                   = "sized-${count.index}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = 1024 * (count.index + 1)
  container_definitions    = jsonencode([{ name = "app", image = "busybox:1.36" }])
}
