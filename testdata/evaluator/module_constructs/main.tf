# The constructs registry modules lean on (vpc, ecs, security-group), each result written where the plan shows it:
# element() wrapping around, try/lookup fallbacks, coalesce, min/max, merge of nested maps, regexall, sort, index,
# filters on partly known values, and dynamic blocks that are present or absent by a condition.
variable "azs" {
  default = ["eu-west-1a", "eu-west-1b"]
}

variable "settings" {
  type = any
  default = {
    web = { cpu = 256, tags = { tier = "front" } }
    api = { memory = 1024 }
  }
}

variable "circuit_breaker" {
  type    = any
  default = {}
}

locals {
  base_tags = { team = "platform", nested = { owner = "ops", cost = "a" } }
  merged    = merge(local.base_tags, { nested = { owner = "dev" } }, { extra = "x" })
  zones     = [for az in var.azs : az if length(regexall("^[a-z]{2}-", az)) > 0]
  filtered  = { for k, v in { id = aws_vpc.other.id, name = "main", none = null } : k => v if v != null }
}

resource "aws_vpc" "other" {
  cidr_block = "10.31.0.0/16"
}

resource "aws_vpc" "main" {
  cidr_block = "10.30.0.0/16"
  tags = {
    wrapped    = element(var.azs, 3)
    tried      = try(var.settings.api.cpu, "none")
    looked_up  = lookup(var.settings.web, "memory", 512)
    coalesced  = coalesce(try(var.settings.web.name, null), "web")
    smallest   = min(3, 1, 2)
    largest    = max(length(var.azs), 1)
    owner      = local.merged.nested.owner
    cost_gone  = try(local.merged.nested.cost, "replaced")
    zones      = join(",", sort(reverse(local.zones)))
    position   = index(var.azs, "eu-west-1b")
    filtered   = join(",", keys(local.filtered))
    prefix     = regexall("^([a-z]+)-([a-z]+)", var.azs[0])[0][1]
  }
}

resource "aws_subnet" "spread" {
  count             = 3
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet("10.30.0.0/16", 8, count.index)
  availability_zone = length(regexall("^[a-z]{2}-", element(var.azs, count.index))) > 0 ? element(var.azs, count.index) : null
}

resource "aws_security_group" "conditional" {
  name   = "conditional"
  vpc_id = aws_vpc.main.id

  # no block when the map is empty: the provider's computed default, not an empty list
  dynamic "ingress" {
    for_each = length(var.circuit_breaker) > 0 ? [var.circuit_breaker] : []
    content {
      from_port   = 443
      to_port     = 443
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }

  dynamic "egress" {
    for_each = { for k, v in var.settings : k => v if try(v.cpu, 0) > 0 }
    content {
      description = egress.key
      from_port   = 0
      to_port     = 0
      protocol    = "-1"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

resource "aws_ecs_task_definition" "omitted" {
  family                   = "omitted"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = try(var.settings.web.cpu, null)
  memory                   = try(var.settings.web.memory, 512)
  # null is no argument at all: the provider's default applies
  ipc_mode = try(var.settings.web.ipc_mode, null)
  container_definitions = jsonencode([{
    name      = "web"
    image     = "public.ecr.aws/nginx/nginx:1.27.3"
    essential = true
  }])
}
