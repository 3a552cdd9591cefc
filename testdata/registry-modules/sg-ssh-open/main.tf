# The security-group module opening SSH to the whole internet through its named rules.
module "bastion_sg" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "~> 5.0"

  name   = "bastion"
  vpc_id = "vpc-0a1b2c3d4e5f67890"

  ingress_cidr_blocks = ["0.0.0.0/0"] # expect: security-group-open-admin-port
  ingress_rules       = ["ssh-tcp"]
}
