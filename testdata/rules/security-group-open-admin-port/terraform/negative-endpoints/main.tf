# Groups used only by interface VPC endpoints (directly, through a local module, or next to a load balancer): the
# endpoints' network interfaces have private addresses only and serve one port, so an open rule exposes nothing.
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_security_group" "endpoints" {
  name   = "endpoints"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_endpoint" "ecr_api" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.us-east-1.ecr.api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.private.id]
  security_group_ids  = [aws_security_group.endpoints.id]
}

resource "aws_security_group" "module_endpoints" {
  name   = "module-endpoints"
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "module_endpoints_all" {
  security_group_id = aws_security_group.module_endpoints.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

module "endpoints" {
  source             = "./modules/endpoints"
  vpc_id             = aws_vpc.main.id
  subnet_ids         = [aws_subnet.private.id]
  security_group_ids = [aws_security_group.module_endpoints.id]
}

resource "aws_security_group" "shared" {
  name   = "shared"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_endpoint" "logs" {
  vpc_id             = aws_vpc.main.id
  service_name       = "com.amazonaws.us-east-1.logs"
  vpc_endpoint_type  = "Interface"
  subnet_ids         = [aws_subnet.private.id]
  security_group_ids = [aws_security_group.shared.id]
}

resource "aws_lb" "internal" {
  name            = "internal"
  internal        = true
  security_groups = [aws_security_group.shared.id]
  subnets         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}
