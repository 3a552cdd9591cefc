# data "aws_iam_policy_document": the json the AWS provider computes from the arguments, compared with terraform
# plan both on the data sources and where managed resources use it. Sets are sorted in reverse, one element is a
# string, &{} becomes ${}, principals and conditions are grouped, and source/override documents merge by sid.
variable "extra_actions" {
  default = ["ssm:GetParameters", "secretsmanager:GetSecretValue"]
}

variable "buckets" {
  default = { logs = "acme-logs", assets = "acme-assets" }
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "everything" {
  policy_id = "Everything"
  statement {
    sid       = "Read"
    actions   = concat(["s3:GetObject", "s3:ListBucket", "s3:GetObject"], var.extra_actions)
    resources = ["arn:aws:s3:::acme/&{aws:username}/*", "arn:aws:s3:::acme"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root", "arn:aws:iam::111122223333:root"]
    }
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["123456789012"]
    }
    condition {
      test     = "StringLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:ecs:us-east-1:123456789012:*", "arn:aws:ecs:us-east-1:111122223333:*"]
    }
  }
  statement {
    effect        = "Deny"
    not_actions   = ["iam:*"]
    not_resources = ["*"]
    not_principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
  dynamic "statement" {
    for_each = var.buckets
    content {
      sid       = "Bucket${statement.key}"
      actions   = ["s3:PutObject"]
      resources = ["arn:aws:s3:::${statement.value}/*"]
    }
  }
}

data "aws_iam_policy_document" "anyone" {
  version = "2008-10-17"
  statement {
    sid     = "Anyone may send, with spaces in the sid"
    actions = ["sqs:SendMessage"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

data "aws_iam_policy_document" "empty" {}

data "aws_iam_policy_document" "merged" {
  source_policy_documents = [
    data.aws_iam_policy_document.anyone.json,
    <<-EOT
      {"Version": "2012-10-17", "Statement": [{"Sid": "Src", "Effect": "Allow", "Action": ["b:x", "a:y"],
        "NotResource": ["r1", "r3", "r2"], "Principal": {"AWS": ["z", "y", "zz"], "Service": "s", "Federated": ["f"]},
        "Condition": {"Bool": {"aws:SecureTransport": false}, "NumericLessThan": {"k": 5},
                      "StringEquals": {"k2": ["v2", "v1"], "k3": ["single"]}}, "Extra": 1},
        {"Effect": "Deny", "action": "lower:case", "principal": "any string"}]}
    EOT
  ]
  override_policy_documents = [jsonencode({
    Id = "Overridden"
    Statement = [
      { Sid = "Src", Effect = "Deny", Action = "c:z", Resource = "*" },
      { Sid = "New", Effect = "Allow", Action = "d:*", Resource = "*" },
    ]
  })]
  statement {
    sid       = "Own"
    actions   = ["e:e"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "own_over_source" {
  source_policy_documents = [jsonencode({ Statement = [{ Sid = "S", Effect = "Allow", Action = "a:b", Resource = "*" }] })]
  statement {
    sid     = "S"
    actions = ["c:d"]
  }
  statement {
    sid     = ""
    actions = ["c:e"]
  }
}

data "aws_iam_policy_document" "per_bucket" {
  for_each = var.buckets
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::${each.value}/*"]
  }
}

# a policy document that refers to a resource attribute is read only at apply
resource "aws_s3_bucket" "b" {
  bucket = "acme-later"
}

data "aws_iam_policy_document" "later" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.b.arn}/*"]
  }
}

resource "aws_iam_role" "task" {
  name               = "task"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_policy" "everything" {
  name   = "everything"
  policy = data.aws_iam_policy_document.everything.json
}

resource "aws_iam_policy" "merged" {
  name   = "merged"
  policy = data.aws_iam_policy_document.merged.minified_json
}

resource "aws_iam_policy" "later" {
  name   = "later"
  policy = data.aws_iam_policy_document.later.json
}

resource "aws_iam_role_policy" "per_bucket" {
  for_each = var.buckets
  name     = each.key
  role     = aws_iam_role.task.id
  policy   = data.aws_iam_policy_document.per_bucket[each.key].json
}

resource "aws_ssm_parameter" "document_parts" {
  name  = "/documents"
  type  = "String"
  value = jsondecode(data.aws_iam_policy_document.everything.json).Id
  tags = {
    statements = length(jsondecode(data.aws_iam_policy_document.merged.json).Statement)
    version    = data.aws_iam_policy_document.anyone.version
  }
}

module "role" {
  source = "./modules/role"
  name   = "from-module"
}
