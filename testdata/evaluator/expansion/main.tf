# count and for_each in their forms, splats, for-expressions, and references between expanded resources.
variable "azs" {
  default = ["us-east-1a", "us-east-1b", "us-east-1c"]
}

variable "services" {
  default = {
    web    = { port = 80, public = true }
    api    = { port = 8080, public = false }
    worker = { port = 9000, public = false }
  }
}

locals {
  public_services = { for k, v in var.services : k => v if v.public }
  ports           = [for s in values(var.services) : s.port]
  by_visibility   = { for k, v in var.services : (v.public ? "public" : "private") => k... }
  upper_names     = [for name in sort(keys(var.services)) : upper(name)]
  indexed         = { for i, az in var.azs : az => i }
}

resource "aws_vpc" "main" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "private" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.main.id
  availability_zone = var.azs[count.index]
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
  tags = {
    Name  = "private-${count.index}"
    Index = count.index
  }
}

resource "aws_subnet" "public" {
  for_each          = toset(["us-east-1b", "us-east-1a"])
  vpc_id            = aws_vpc.main.id
  availability_zone = each.key
  cidr_block        = cidrsubnet("10.1.0.0/16", 8, 100 + index(sort(tolist(["us-east-1b", "us-east-1a"])), each.value))
  tags = {
    Name = "public-${each.value}"
  }
}

resource "aws_security_group" "svc" {
  for_each    = var.services
  name        = "svc-${each.key}"
  description = "port ${each.value.port}"
  vpc_id      = aws_vpc.main.id
  tags = {
    Public = each.value.public
    Port   = each.value.port
  }
}

resource "aws_security_group" "public_only" {
  for_each = local.public_services
  name     = "public-${each.key}"
  vpc_id   = aws_vpc.main.id
}

resource "aws_ssm_parameter" "summary" {
  count = var.azs[0] == "us-east-1a" ? 1 : 0
  name  = "/summary"
  type  = "StringList"
  value = join(",", local.ports)
  tags = {
    private     = join(",", local.by_visibility["private"])
    public      = join(",", local.by_visibility["public"])
    upper       = join(",", local.upper_names)
    indexed     = jsonencode(local.indexed)
    subnet_cidr = aws_subnet.private[1].cidr_block
    first_az    = aws_subnet.private[0].availability_zone
    splat_azs   = join(",", aws_subnet.private[*].availability_zone)
    legacy      = join(",", aws_subnet.private.*.cidr_block)
    for_each_az = join(",", [for s in aws_subnet.public : s.availability_zone])
    svc_names   = join(",", [for k, sg in aws_security_group.svc : sg.name])
  }
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "10.2.0.0/16"
    gateway_id = "local"
  }
}

resource "aws_route_table_association" "private" {
  count          = length(aws_subnet.private)
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}
