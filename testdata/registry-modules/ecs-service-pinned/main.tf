# The same service done right: a versioned image, a Fargate size that exists, and the circuit breaker with
# rollback. Nothing to report.
module "ecs" {
  source  = "terraform-aws-modules/ecs/aws"
  version = "~> 5.12"

  cluster_name = "app"

  services = {
    web = {
      cpu    = 256
      memory = 512

      deployment_circuit_breaker = {
        enable   = true
        rollback = true
      }

      container_definitions = {
        web = {
          image         = "public.ecr.aws/nginx/nginx:1.27.3"
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
