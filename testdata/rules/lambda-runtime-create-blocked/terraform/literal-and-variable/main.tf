variable "legacy_runtime" {
  type    = string
  default = "python3.6" # evidence: lambda-runtime-create-blocked value
}

resource "aws_lambda_function" "literal" {
  function_name = "literal"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs12.x" # expect: lambda-runtime-create-blocked
  filename      = "handler.zip"
}

resource "aws_lambda_function" "through_variable" {
  count         = 2
  function_name = "through-variable-${count.index}"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = var.legacy_runtime # expect: lambda-runtime-create-blocked
  filename      = "handler.zip"
}
