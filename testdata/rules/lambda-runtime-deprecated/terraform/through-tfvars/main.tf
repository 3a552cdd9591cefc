variable "runtime" {
  type = string
}

resource "aws_lambda_function" "literal" {
  function_name = "literal"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x" # expect: lambda-runtime-deprecated
  filename      = "handler.zip"
}

resource "aws_lambda_function" "from_tfvars" {
  function_name = "from-tfvars"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "app.handler"
  runtime       = var.runtime # expect: lambda-runtime-deprecated
  filename      = "handler.zip"
}
