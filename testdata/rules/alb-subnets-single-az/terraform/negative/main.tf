variable "subnet_ids" {
  type = list(string)
}

data "aws_subnets" "public" {
  filter {
    name   = "tag:Tier"
    values = ["public"]
  }
}

resource "aws_lb" "from_variable" {
  name    = "from-variable"
  subnets = var.subnet_ids
}

resource "aws_lb" "from_data_source" {
  name    = "from-data"
  subnets = data.aws_subnets.public.ids
}

resource "aws_lb" "two_literals" {
  name    = "two-literals"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}
