# the tfvars override the harmless default with the IPv6 default route
ipv6_egress_cidr = "::/0"
nat_gateway_id   = "nat-0123456789abcdef0"
