runtime = "python3.10" # evidence: lambda-runtime-deprecated value
