resource "aws_ecs_task_definition" "gpu_on_ec2" {
  family                   = "gpu-on-ec2"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([{
    name                 = "train"
    image                = "pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime"
    memory               = 4096
    resourceRequirements = [{ type = "GPU", value = "1" }]
  }])
}

resource "aws_ecs_task_definition" "fargate_without_gpu" {
  family                   = "fargate"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "nginx:1.27" }])
}
