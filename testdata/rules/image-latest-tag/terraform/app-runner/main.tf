resource "aws_apprunner_service" "web" {
  service_name = "web"

  source_configuration {
    auto_deployments_enabled = false

    image_repository {
      image_identifier      = "public.ecr.aws/aws-containers/hello-app-runner:latest" # expect: image-latest-tag
      image_repository_type = "ECR_PUBLIC"

      image_configuration {
        port = "8000"
      }
    }
  }
}

resource "aws_apprunner_service" "pinned" {
  service_name = "pinned"

  source_configuration {
    auto_deployments_enabled = false

    image_repository {
      image_identifier      = "public.ecr.aws/aws-containers/hello-app-runner@sha256:1f1e5b2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7"
      image_repository_type = "ECR_PUBLIC"
    }
  }
}
