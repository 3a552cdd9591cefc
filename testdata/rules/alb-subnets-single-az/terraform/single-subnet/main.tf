variable "public_subnet_id" {
  type = string
}

# one subnet is never two zones, whatever the subnet is
resource "aws_lb" "web" {
  name     = "web"
  internal = false
  subnets  = [var.public_subnet_id] # expect: alb-subnets-single-az
}

resource "aws_lb" "gateway" {
  name               = "gwlb"
  load_balancer_type = "gateway"
  subnets            = [var.public_subnet_id]
}
