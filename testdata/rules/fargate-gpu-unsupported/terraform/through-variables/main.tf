variable "launch_types" {
  type    = list(string)
  default = ["EC2", "FARGATE"] # evidence: fargate-gpu-unsupported value
}

variable "gpus" {
  type    = string
  default = "2"
}

locals {
  requirements = [{ type = "GPU", value = var.gpus }] # expect: fargate-gpu-unsupported
}

resource "aws_ecs_task_definition" "render" {
  family                   = "render"
  requires_compatibilities = var.launch_types
  network_mode             = "awsvpc"
  cpu                      = "8192"
  memory                   = "32768"
  container_definitions = jsonencode([
    {
      name                 = "render"
      image                = "nvidia/cuda:12.4.1-base-ubuntu22.04"
      resourceRequirements = local.requirements
    }
  ])
}
