resource "aws_iam_role" "cluster" {
  name = "eks-cluster"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "eks.amazonaws.com" } }]
  })
}

resource "aws_eks_cluster" "old" {
  name     = "old"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.30" # expect: eks-extended-support-version

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eks_cluster" "explicit_extended" {
  name     = "explicit-extended"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.31" # expect: eks-extended-support-version

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }

  upgrade_policy {
    support_type = "EXTENDED"
  }
}

# lookalikes: standard support policy, a version newer than the table, no version (AWS picks the default)
resource "aws_eks_cluster" "standard_policy" {
  name     = "standard-policy"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.30"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }

  upgrade_policy {
    support_type = "STANDARD"
  }
}

resource "aws_eks_cluster" "newer_than_table" {
  name     = "newer"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.99"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eks_cluster" "default_version" {
  name     = "default-version"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}
