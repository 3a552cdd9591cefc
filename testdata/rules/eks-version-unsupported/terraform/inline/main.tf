# Versions EKS refuses: older than the first row of the release calendar, and a row whose extended support has
# ended (the fixtures are judged on 2026-06-01). The support policy does not save either.
resource "aws_eks_cluster" "ancient" {
  name     = "ancient"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  version  = "1.18" # expect: eks-version-unsupported

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eks_cluster" "past_extended" {
  name     = "past-extended"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  version  = "1.29" # expect: eks-version-unsupported

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eks_cluster" "standard_policy" {
  name     = "standard-policy"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  version  = "1.9" # expect: eks-version-unsupported

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }

  upgrade_policy {
    support_type = "STANDARD"
  }
}
