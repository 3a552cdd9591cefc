module "jobs" {
  source = "./modules/task"
  names  = ["import", "export"]
}
