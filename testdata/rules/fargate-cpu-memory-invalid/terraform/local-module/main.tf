module "api" {
  source = "./modules/service"
  name   = "api"
  cpu    = 4096
  memory = 32768 # evidence: fargate-cpu-memory-invalid value
}

module "web" {
  source = "./modules/service"
  name   = "web"
  cpu    = 4096
  memory = 8192
}
