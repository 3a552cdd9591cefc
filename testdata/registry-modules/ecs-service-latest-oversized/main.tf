# The ecs module with one Fargate service: a `latest` image, a memory size Fargate does not offer with 256 cpu
# units, and no deployment circuit breaker. The task definition and service are the module's; each finding is
# reported where its value was given in this call (the circuit breaker was not given at all: at the call).
module "ecs" { # expect: ecs-circuit-breaker-disabled
  source  = "terraform-aws-modules/ecs/aws"
  version = "~> 5.12"

  cluster_name = "app"

  services = {
    web = {
      cpu    = 256
      memory = 4096 # expect: fargate-cpu-memory-invalid

      container_definitions = {
        web = {
          image         = "public.ecr.aws/nginx/nginx:latest" # expect: image-latest-tag
          essential     = true
          port_mappings = [{ containerPort = 80, protocol = "tcp" }]
        }
      }

      subnet_ids            = ["subnet-0a1b2c3d4e5f67890", "subnet-0f1e2d3c4b5a69870"]
      create_security_group = false
      security_group_ids    = ["sg-0a1b2c3d4e5f67890"]
    }
  }
}
