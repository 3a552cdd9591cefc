variable "kubernetes_version" {
  type    = string
  default = "1.32" # evidence: eks-extended-support-version value
}

variable "other_version" {
  type = string
}

locals {
  clusters = toset(["blue", "green"])
}

resource "aws_eks_cluster" "this" {
  for_each = local.clusters
  name     = each.key
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  version  = var.kubernetes_version # expect: eks-extended-support-version

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eks_cluster" "unknown" {
  name     = "unknown"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  version  = var.other_version

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}
