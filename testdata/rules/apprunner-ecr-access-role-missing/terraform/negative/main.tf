variable "access_role_arn" {
  type = string
}

# ECR Public needs no access role; a role from a variable is not known
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

resource "aws_apprunner_service" "private" {
  service_name = "private"

  source_configuration {
    authentication_configuration {
      access_role_arn = var.access_role_arn
    }
    image_repository {
      image_identifier      = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0.0"
      image_repository_type = "ECR"
    }
  }
}
