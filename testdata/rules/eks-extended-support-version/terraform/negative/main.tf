variable "kubernetes_version" {
  type = string
}

resource "aws_eks_cluster" "unknown_version" {
  name     = "unknown-version"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  version  = var.kubernetes_version

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eks_cluster" "standard_policy" {
  name     = "standard-policy"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  version  = "1.31"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }

  upgrade_policy {
    support_type = "STANDARD"
  }
}
