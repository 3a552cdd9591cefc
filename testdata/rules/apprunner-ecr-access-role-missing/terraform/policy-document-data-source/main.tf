# Trust policies written with data "aws_iam_policy_document", as most Terraform does, merged from others.
data "aws_iam_policy_document" "instance_trust" {
  statement {
    sid     = "Service"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["tasks.apprunner.amazonaws.com"]
    }
  }
}

# the instance role's trust, reused as is: App Runner's build service cannot assume this role
data "aws_iam_policy_document" "reused_trust" {
  source_policy_documents = [data.aws_iam_policy_document.instance_trust.json]
}

resource "aws_iam_role" "reused" {
  name               = "apprunner-reused"
  assume_role_policy = data.aws_iam_policy_document.reused_trust.json
}

resource "aws_apprunner_service" "instance_trust_as_access_role" {
  service_name = "wrong-role"

  source_configuration {
    authentication_configuration {
      access_role_arn = aws_iam_role.reused.arn # expect: apprunner-ecr-access-role-missing
    }
    image_repository {
      image_identifier      = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0.0"
      image_repository_type = "ECR"
    }
    auto_deployments_enabled = false
  }
}

# lookalike: the same base, with its statement overridden (same sid) by one that trusts the build service
data "aws_iam_policy_document" "access_trust" {
  source_policy_documents = [data.aws_iam_policy_document.instance_trust.json]
  override_policy_documents = [jsonencode({
    Statement = [{
      Sid       = "Service"
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "build.apprunner.amazonaws.com" }
    }]
  })]
}

resource "aws_iam_role" "access" {
  name               = "apprunner-access"
  assume_role_policy = data.aws_iam_policy_document.access_trust.json
}

resource "aws_apprunner_service" "right" {
  service_name = "right"

  source_configuration {
    authentication_configuration {
      access_role_arn = aws_iam_role.access.arn
    }
    image_repository {
      image_identifier      = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0.0"
      image_repository_type = "ECR"
    }
    auto_deployments_enabled = false
  }
}
