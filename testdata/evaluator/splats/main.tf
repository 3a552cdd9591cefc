# Splats on values that are not lists: a resource without count/for_each, an object, null, a string. HCL treats
# each as a one-element list (null as an empty one), for the legacy `.*` and the full `[*]` alike.
variable "service" {
  default = { name = "web", port = 8080 }
}

variable "absent" {
  type    = object({ name = string })
  default = null
}

resource "aws_vpc" "main" {
  cidr_block = "10.2.0.0/16"
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table" "zoned" {
  count  = 2
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type = "Gateway"
  # a one-element list holding the route table's id
  route_table_ids = aws_route_table.private.*.id
}

resource "aws_vpc_endpoint" "s3_zoned" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = concat(aws_route_table.private[*].id, aws_route_table.zoned.*.id)
}

resource "aws_ssm_parameter" "splats" {
  name  = "/splats"
  type  = "String"
  value = join(",", var.service.*.name)
  tags = {
    full_on_object   = join(",", var.service[*].name)
    ports            = jsonencode(var.service[*].port)
    on_null          = length(var.absent[*])
    legacy_on_null   = length(var.absent.*.name)
    on_string        = join(",", "solo"[*])
    single_resource  = length(aws_route_table.private.*.id)
    single_full      = length(aws_route_table.private[*])
    counted_resource = length(aws_route_table.zoned.*.id)
    concatenated     = length(concat(aws_route_table.private[*].id, aws_route_table.zoned.*.id))
  }
}
