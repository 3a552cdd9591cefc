variable "runtime" {
  type = string
}

# a supported runtime
resource "aws_lambda_function" "supported" {
  function_name = "supported"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "python3.13"
  filename      = "handler.zip"
}

# lookalike: a runtime name that is not Lambda's (CloudFront Functions have their own runtimes)
resource "aws_cloudfront_function" "rewrite" {
  name    = "rewrite"
  runtime = "cloudfront-js-1.0"
  code    = "function handler(event) { return event.request; }"
}

# a container image function has no runtime
resource "aws_lambda_function" "image" {
  function_name = "image"
  role          = "arn:aws:iam::123456789012:role/lambda"
  package_type  = "Image"
  image_uri     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/handler:1.0.0"
}

# not known before apply
resource "aws_lambda_function" "unknown" {
  function_name = "unknown"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = var.runtime
  filename      = "handler.zip"
}
