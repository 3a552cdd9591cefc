locals {
  registry = "123456789012.dkr.ecr.us-east-1.amazonaws.com"
  containers = [
    {
      name  = "api"
      image = "${local.registry}/api:3.1.0"
    },
    {
      name  = "proxy"
      image = "public.ecr.aws/nginx/nginx:1.27"
    }
  ]
}

module "api" {
  source     = "./modules/task"
  family     = "api"
  containers = local.containers
}

# the same module with a role: fine
module "api_with_role" {
  source             = "./modules/task"
  family             = "api-with-role"
  containers         = local.containers
  execution_role_arn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
}
