variable "name" {
  type = string
}

variable "ports" {
  type    = list(number)
  default = [443]
}

resource "aws_security_group" "this" {
  name        = var.name
  description = "ports ${join(" ", var.ports)} of ${path.module}"

  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
      description = "rule ${ingress.key}"
    }
  }
}

output "port_list" {
  value = [for p in var.ports : tostring(p)]
}

output "label" {
  value = upper(var.name)
}
