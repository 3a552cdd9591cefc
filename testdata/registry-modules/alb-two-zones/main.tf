# The same load balancers on public subnets that the vpc module spreads over two zones: nothing to report.
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"

  name = "web"
  cidr = "10.1.0.0/16"
  azs  = ["eu-west-1a", "eu-west-1b"]

  public_subnets = ["10.1.101.0/24", "10.1.102.0/24"]
}

module "alb" {
  source  = "terraform-aws-modules/alb/aws"
  version = "~> 9.0"

  name    = "web"
  vpc_id  = module.vpc.vpc_id
  subnets = module.vpc.public_subnets

  enable_deletion_protection = false

  security_group_ingress_rules = {
    https = {
      from_port   = 443
      to_port     = 443
      ip_protocol = "tcp"
      cidr_ipv4   = "0.0.0.0/0"
    }
  }
}

resource "aws_lb" "internal" {
  name               = "internal"
  load_balancer_type = "application"
  internal           = true
  subnets            = module.vpc.public_subnets
}
