variable "region" {
  description = "AWS region of the stack"
  type        = string
  default     = "eu-west-1"
}

variable "name" {
  description = "Name prefix of every resource"
  type        = string
  default     = "shop"
}

variable "public_subnets" {
  description = "Public subnets by availability zone"
  type = list(object({
    zone = string
    cidr = string
  }))
}

variable "private_subnets" {
  description = "Private subnets by availability zone"
  type = list(object({
    zone = string
    cidr = string
  }))
}

variable "container_port" {
  type    = number
  default = 8080
}
