module "sg" {
  source = "./modules/sg"
  vpc_id = "192.168.1.0/24"
}

module "sg_ok" {
  source = "./modules/sg"
  vpc_id = "vpc-0123456789abcdef0"
}
