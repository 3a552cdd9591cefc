resource "aws_security_group" "copied" {
  name   = "copied"
  vpc_id = "10.0.0.0/16"
}
