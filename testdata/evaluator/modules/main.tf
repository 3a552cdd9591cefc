# Local modules: a plain call, count and for_each calls, outputs flowing back, optional object attributes.
variable "subnets" {
  type = map(object({
    cidr   = string
    az     = optional(string, "us-east-1a")
    public = optional(bool, false)
    tags   = optional(map(string), {})
  }))
  default = {
    a = { cidr = "10.3.1.0/24" }
    b = { cidr = "10.3.2.0/24", az = "us-east-1b", public = true, tags = { Tier = "edge" } }
  }
}

resource "aws_vpc" "main" {
  cidr_block = "10.3.0.0/16"
}

module "subnet" {
  source   = "./modules/subnet"
  for_each = var.subnets
  vpc_id   = aws_vpc.main.id
  name     = each.key
  settings = each.value
}

module "service" {
  source = "./modules/service"
  count  = 2
  name   = "svc${count.index}"
  ports  = count.index == 0 ? [80, 443] : [8080]
}

module "single" {
  source = "./modules/service"
  name   = "single"
}

resource "aws_ssm_parameter" "outputs" {
  name  = "/modules/outputs"
  type  = "String"
  value = module.subnet["b"].description
  tags = {
    first_ports = join(",", module.service[0].port_list)
    single      = module.single.label
    count       = length(module.service)
    keys        = join(",", keys(module.subnet))
  }
}
