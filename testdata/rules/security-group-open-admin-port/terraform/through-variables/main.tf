variable "admin_cidrs" {
  type    = list(string)
  default = ["0.0.0.0/0"] # evidence: security-group-open-admin-port value
}

variable "office_cidr" {
  type = string
}

locals {
  ssh_port = 22
}

resource "aws_security_group" "ssh" {
  count  = 2
  name   = "ssh-${count.index}"
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    from_port   = local.ssh_port
    to_port     = local.ssh_port
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs # expect: security-group-open-admin-port
  }

  ingress {
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = [var.office_cidr]
  }
}
