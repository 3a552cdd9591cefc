resource "aws_ecs_task_definition" "train" {
  family                   = "train"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "4096"
  memory                   = "16384"
  container_definitions = jsonencode([
    {
      name  = "train"
      image = "pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime"
      resourceRequirements = [
        { type = "GPU", value = "1" } # expect: fargate-gpu-unsupported
      ]
    }
  ])
}

# lookalikes: GPU on EC2 only, and an inference accelerator-free Fargate task with other requirements
resource "aws_ecs_task_definition" "gpu_on_ec2" {
  family                   = "gpu-on-ec2"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([
    {
      name                 = "train"
      image                = "pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime"
      memory               = 4096
      resourceRequirements = [{ type = "GPU", value = "1" }]
    }
  ])
}

resource "aws_ecs_task_definition" "no_gpu" {
  family                   = "no-gpu"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([
    {
      name                 = "app"
      image                = "nginx:1.27"
      resourceRequirements = []
    }
  ])
}
