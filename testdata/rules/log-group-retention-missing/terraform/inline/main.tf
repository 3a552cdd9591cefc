resource "aws_cloudwatch_log_group" "no_retention" { # expect: log-group-retention-missing
  name = "/ecs/app"
}

resource "aws_cloudwatch_log_group" "never_expire" {
  name              = "/ecs/worker"
  retention_in_days = 0 # expect: log-group-retention-missing
}

resource "aws_cloudwatch_log_group" "kept_30_days" {
  name              = "/ecs/api"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([
    {
      name   = "created-by-ecs"
      image  = "nginx:1.27"
      memory = 256
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/created-by-ecs"
          awslogs-create-group  = "true" # expect: log-group-retention-missing
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "app"
        }
      }
    },
    {
      name   = "own-group"
      image  = "nginx:1.27"
      memory = 256
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.kept_30_days.name
          awslogs-create-group  = "true"
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "app"
        }
      }
    },
    {
      name   = "named-group"
      image  = "nginx:1.27"
      memory = 256
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/api"
          awslogs-create-group  = "true"
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "app"
        }
      }
    }
  ])
}
