# Lookalikes: a version in standard support, one in extended support under the STANDARD policy (neither billed nor
# refused), one newer than the calendar, one not known before apply, and no version (EKS picks its default).
variable "kubernetes_version" {
  type = string
}

resource "aws_eks_cluster" "current" {
  name     = "current"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  version  = "1.33"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eks_cluster" "standard_policy" {
  name     = "standard-policy"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  version  = "1.30"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }

  upgrade_policy {
    support_type = "STANDARD"
  }
}

resource "aws_eks_cluster" "newer_than_calendar" {
  name     = "newer"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  version  = "1.40"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eks_cluster" "unknown" {
  name     = "unknown"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  version  = var.kubernetes_version

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eks_cluster" "default_version" {
  name     = "default-version"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}
