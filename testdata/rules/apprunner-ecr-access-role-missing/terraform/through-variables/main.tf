variable "repository_type" {
  type    = string
  default = "ECR"
}

variable "access_role_arn" {
  type = string
}

resource "aws_apprunner_service" "api" {
  service_name = "api"

  source_configuration {
    image_repository {
      image_identifier      = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0.0"
      image_repository_type = var.repository_type # expect: apprunner-ecr-access-role-missing
    }
  }
}

resource "aws_apprunner_service" "unknown_role" {
  service_name = "unknown-role"

  source_configuration {
    authentication_configuration {
      access_role_arn = var.access_role_arn
    }
    image_repository {
      image_identifier      = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0.0"
      image_repository_type = var.repository_type
    }
  }
}
