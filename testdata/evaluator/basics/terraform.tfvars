env          = "prod"
region_short = "euw1"
