region_short = "euc1"
instance_count = "3"
