# The eks module (its newer release from the corpus: source scans only, see .not-terraform-valid) pinned to a
# Kubernetes version past standard support, with the API's default support policy: billed at the extended rate.
module "eks" {
  source = "terraform-aws-modules/eks/aws"

  name               = "platform"
  kubernetes_version = "1.32" # expect: eks-extended-support-version

  vpc_id     = "vpc-0a1b2c3d4e5f67890"
  subnet_ids = ["subnet-0a1b2c3d4e5f67890", "subnet-0f1e2d3c4b5a69870"]

  create_kms_key    = false
  encryption_config = null
}
