resource "aws_apprunner_service" "no_role" {
  service_name = "no-role"

  source_configuration {
    image_repository {
      image_identifier      = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0.0"
      image_repository_type = "ECR" # expect: apprunner-ecr-access-role-missing
      image_configuration {
        port = "8080"
      }
    }
  }
}

resource "aws_iam_role" "instance_role" {
  name = "apprunner-instance"
  assume_role_policy = jsonencode({ # evidence: apprunner-ecr-access-role-missing resource
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "tasks.apprunner.amazonaws.com" } }]
  })
}

resource "aws_apprunner_service" "instance_role_as_access_role" {
  service_name = "wrong-role"

  source_configuration {
    authentication_configuration {
      access_role_arn = aws_iam_role.instance_role.arn # expect: apprunner-ecr-access-role-missing
    }
    image_repository {
      image_identifier      = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0.0"
      image_repository_type = "ECR"
    }
  }
}

# lookalikes: ECR Public needs no role; a role trusting build.apprunner.amazonaws.com
resource "aws_apprunner_service" "public" {
  service_name = "public"

  source_configuration {
    image_repository {
      image_identifier      = "public.ecr.aws/aws-containers/hello-app-runner:1.0"
      image_repository_type = "ECR_PUBLIC"
    }
    auto_deployments_enabled = false
  }
}

resource "aws_iam_role" "access" {
  name = "apprunner-access"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "build.apprunner.amazonaws.com" } }]
  })
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
  }
}
