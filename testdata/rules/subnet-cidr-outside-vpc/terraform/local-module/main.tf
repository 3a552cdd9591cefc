resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
}

module "subnets" {
  source = "./modules/subnets"
  vpc_id = aws_vpc.main.id
  cidrs  = { a = "10.20.0.0/24", b = "10.20.0.0/24" }
}
