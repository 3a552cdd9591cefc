name = "shop"

public_subnets = [
  { zone = "eu-west-1a", cidr = "10.20.0.0/24" },
  { zone = "eu-west-1a", cidr = "10.20.1.0/24" },
]

private_subnets = [
  { zone = "eu-west-1a", cidr = "10.20.10.0/24" },
  { zone = "eu-west-1b", cidr = "10.20.11.0/24" },
]
