resource "aws_ecs_task_definition" "too_much_memory" {
  family                   = "too-much-memory"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "4096" # expect: fargate-cpu-memory-invalid
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_task_definition" "unit_strings" {
  family                   = "unit-strings"
  requires_compatibilities = ["FARGATE", "EC2"]
  network_mode             = "awsvpc"
  cpu                      = "1 vCPU"
  memory                   = "1 GB" # expect: fargate-cpu-memory-invalid
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_task_definition" "odd_cpu" {
  family                   = "odd-cpu"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "768" # expect: fargate-cpu-memory-invalid
  memory                   = "2048"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_task_definition" "off_step" {
  family                   = "off-step"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 8192
  memory                   = 18432 # expect: fargate-cpu-memory-invalid
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_task_definition" "container_bigger_than_task" {
  family                   = "container-bigger"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  container_definitions = jsonencode([
    {
      name              = "app"
      image             = "nginx:1.27"
      memoryReservation = 2048 # expect: fargate-cpu-memory-invalid
    },
    {
      name   = "sidecar"
      image  = "busybox:1.36"
      memory = 256
    }
  ])
}

resource "aws_ecs_task_definition" "heredoc" {
  family                   = "heredoc"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "10240" # expect: fargate-cpu-memory-invalid
  container_definitions    = <<DEFS
[
  {
    "name": "app",
    "image": "nginx:1.27",
    "memory": 4096
  }
]
DEFS
}

# lookalikes that are valid
resource "aws_ecs_task_definition" "smallest" {
  family                   = "smallest"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27", memory = 512 }])
}

resource "aws_ecs_task_definition" "vcpu_strings" {
  family                   = "vcpu-strings"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = ".25 vcpu"
  memory                   = "2GB"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_task_definition" "large" {
  family                   = "large"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "16384"
  memory                   = "122880"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}

resource "aws_ecs_task_definition" "ec2_only" {
  family                   = "ec2-only"
  requires_compatibilities = ["EC2"]
  cpu                      = "256"
  memory                   = "4096"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27", memory = 8192 }])
}
