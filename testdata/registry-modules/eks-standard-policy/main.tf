# The same version (1.32: past standard support on the build's day, in extended support until 2027-03-23) with
# the STANDARD support policy: EKS upgrades the cluster instead of billing extended support. Nothing to report.
module "eks" {
  source = "terraform-aws-modules/eks/aws"

  name               = "platform"
  kubernetes_version = "1.32"
  upgrade_policy = {
    support_type = "STANDARD"
  }

  vpc_id     = "vpc-0a1b2c3d4e5f67890"
  subnet_ids = ["subnet-0a1b2c3d4e5f67890", "subnet-0f1e2d3c4b5a69870"]

  create_kms_key    = false
  encryption_config = null
}
