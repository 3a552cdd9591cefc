# templatefile() and file(): paths resolved from the root module's directory (hence path.module in modules),
# interpolations, %{ for } and %{ if } directives, strip markers, escapes, jsonencode() inside a template, and a
# heredoc with a bare interpolation. The rendered text and the JSON documents are compared with terraform plan.
variable "stage" {
  default = "prod"
}

variable "ports" {
  default = [80, 443]
}

locals {
  environment = { STAGE = var.stage, REGION = "us-east-1" }
  # through a local: the document still points into the template
  worker_definitions = templatefile("${path.module}/templates/worker.json.tftpl", {
    image = "busybox:1.36"
    tags  = ["a", "b"]
  })
}

resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = templatefile("templates/web.json.tftpl", {
    name        = "web"
    image       = "nginx:1.27"
    cpu         = 256
    ports       = var.ports
    environment = local.environment
    debug       = false
  })
}

resource "aws_ecs_task_definition" "worker" {
  family                = "worker"
  container_definitions = local.worker_definitions
}

resource "aws_ecs_task_definition" "heredoc" {
  family                = "heredoc"
  container_definitions = <<-EOT
    [
      {
        "name": "app",
        "image": "nginx:1.27",
        "cpu": ${length(var.ports) * 128},
        "portMappings": ${jsonencode([for p in var.ports : { containerPort = p, hostPort = p }])},
        "environment": ${jsonencode([for k, v in local.environment : { name = k, value = v }])}
      }
    ]
  EOT
}

resource "aws_iam_policy" "from_file" {
  name   = "from-file"
  policy = file("${path.module}/templates/policy.json")
}

resource "aws_ssm_parameter" "motd" {
  name  = "/motd"
  type  = "String"
  value = templatefile("${path.root}/templates/motd.tftpl", { stage = var.stage, users = ["ann", "bob"], admins = {} })
}

module "service" {
  source = "./modules/service"
  name   = "api"
  stage  = var.stage
}
