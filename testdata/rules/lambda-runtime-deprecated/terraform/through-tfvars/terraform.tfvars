runtime = "python3.10"
