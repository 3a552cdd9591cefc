variable "runtime" {
  type = string
}

# supported: its update block (2027-07-01) is more than 180 days after the test date
resource "aws_lambda_function" "supported" {
  function_name = "supported"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs22.x"
  filename      = "handler.zip"
}

# supported, deprecation more than 180 days away
resource "aws_lambda_function" "python" {
  function_name = "python"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "app.handler"
  runtime       = "python3.13"
  filename      = "handler.zip"
}

# lookalike: a layer lists runtimes it is compatible with; it is not a function on them
resource "aws_lambda_layer_version" "deps" {
  layer_name          = "deps"
  filename            = "layer.zip"
  compatible_runtimes = ["nodejs20.x", "nodejs22.x"]
}

resource "aws_lambda_function" "unknown" {
  function_name = "unknown"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = var.runtime
  filename      = "handler.zip"
}
