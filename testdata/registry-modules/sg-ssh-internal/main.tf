# SSH from inside the network only, and HTTPS from anywhere: nothing to report.
module "bastion_sg" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "~> 5.0"

  name   = "bastion"
  vpc_id = "vpc-0a1b2c3d4e5f67890"

  ingress_cidr_blocks = ["10.0.0.0/8"]
  ingress_rules       = ["ssh-tcp"]

  ingress_with_cidr_blocks = [{
    rule        = "https-443-tcp"
    cidr_blocks = "0.0.0.0/0"
  }]
}
