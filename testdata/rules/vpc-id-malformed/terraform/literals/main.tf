resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "192.168.1.0/24" # expect: vpc-id-malformed
}

resource "aws_subnet" "a" {
  vpc_id     = "vpc-8e6792c23ea07abf" # expect: vpc-id-malformed
  cidr_block = "192.168.1.0/24"
}

resource "aws_lb_target_group" "app" {
  name     = "app"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "main-vpc" # expect: vpc-id-malformed
}

# well-formed ids, long and short
resource "aws_route_table" "private" {
  vpc_id = "vpc-0123456789abcdef0"
}

resource "aws_internet_gateway" "main" {
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = "vpc-0123456789abcdef0"
  service_name = "com.amazonaws.eu-west-1.s3"
  # a tag that happens to be called VpcId is not an id property
  tags = {
    VpcId = "the main one"
  }
}
