# The vpc module makes private subnets that reach the internet through one NAT gateway, and no S3 gateway
# endpoint: every image layer pulled from ECR is billed as NAT data processing. The route table is the module's;
# the finding is reported at this call.
module "vpc" { # expect: nat-without-s3-gateway-endpoint
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"

  name = "app"
  cidr = "10.0.0.0/16"
  azs  = ["eu-west-1a", "eu-west-1b"]

  private_subnets = ["10.0.1.0/24", "10.0.2.0/24"]
  public_subnets  = ["10.0.101.0/24", "10.0.102.0/24"]

  enable_nat_gateway = true
  single_nat_gateway = true
}
