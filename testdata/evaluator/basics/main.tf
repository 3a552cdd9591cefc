# Variables of every kind, tfvars precedence, locals, conditionals, templates and heredocs.
variable "env" {
  type    = string
  default = "dev"
}

variable "region_short" {
  default = "use1"
}

variable "instance_count" {
  type    = number
  default = 2
}

variable "port" {
  type    = string
  default = 8080 # a number given to a string variable
}

variable "enabled" {
  type    = bool
  default = "true"
}

variable "ratio" {
  type    = number
  default = 1.50
}

variable "owners" {
  type    = set(string)
  default = ["zoe", "adam", "zoe", "mia"]
}

variable "tags" {
  type = map(string)
  default = {
    Team = "platform"
  }
}

variable "nullable_default" {
  type     = string
  default  = "kept"
  nullable = false
}

locals {
  name       = "${var.env}-${var.region_short}-app"
  is_prod    = var.env == "prod"
  size       = local.is_prod ? "large" : "small"
  port_plus  = var.port + 1
  ratio_text = "ratio=${var.ratio}"
  half       = 7 / 2
  big        = 12345678901234567890
  owners     = join(",", var.owners)
  common_tags = merge(var.tags, {
    Environment = var.env
    Name        = local.name
  })
  heredoc = <<EOT
line one ${var.env}
  line two
EOT
  indented = <<-EOT
    first
      second ${local.size}
    third
  EOT
  directive = "%{if var.enabled}on%{else}off%{endif}-%{for o in var.owners}${o};%{endfor}"
  escaped   = "a $${literal} and %%{not a directive}"
}

resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = var.enabled
  tags                 = local.common_tags
}

resource "aws_ssm_parameter" "values" {
  name  = "/${var.env}/values"
  type  = "String"
  value = local.heredoc
  tags = {
    size       = local.size
    port_plus  = local.port_plus
    ratio_text = local.ratio_text
    half       = local.half
    big        = local.big
    owners     = local.owners
    indented   = local.indented
    directive  = local.directive
    escaped    = local.escaped
    negative   = -3 % 2
    float      = 0.1 + 0.2
    cmp        = 3 >= 2 && !false
    nullable   = var.nullable_default
    workspace  = terraform.workspace
  }
}

resource "aws_security_group" "web" {
  name        = "${local.name}-web"
  description = "web ${var.port}"
  vpc_id      = aws_vpc.main.id

  ingress {
    from_port   = var.port
    to_port     = var.port
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "192.168.0.0/16"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
