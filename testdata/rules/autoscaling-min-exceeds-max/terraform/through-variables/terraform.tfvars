capacity = { min = 10, max = 5 }
