variable "kubernetes_version" {
  type    = string
  default = "1.21" # evidence: eks-version-unsupported value
}

resource "aws_eks_cluster" "this" {
  count    = 2
  name     = "cluster-${count.index}"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  version  = var.kubernetes_version # expect: eks-version-unsupported

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}
