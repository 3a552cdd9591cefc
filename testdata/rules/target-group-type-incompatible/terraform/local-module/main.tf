resource "aws_lb_target_group" "shared" {
  name     = "shared"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-0123456789abcdef0"
}

module "app" {
  source           = "./modules/app"
  target_group_arn = aws_lb_target_group.shared.arn # evidence: target-group-type-incompatible value
}
