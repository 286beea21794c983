# An orders service in Terraform: an API behind API Gateway, a queue worker and a container service.
# Each resource below has one pitfall Crossover points out (see README.md).

resource "aws_lambda_function" "api" {
  function_name = "${var.prefix}-orders-api"
  role          = aws_iam_role.lambda.arn
  handler       = "api.handler"
  runtime       = var.runtime
  memory_size   = var.api_memory
  timeout       = 45
  filename      = "build/api.zip"
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "${var.prefix}-orders"
}

resource "aws_api_gateway_integration" "orders" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_rest_api.orders.root_resource_id
  http_method             = "POST"
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.api.invoke_arn
}

resource "aws_sqs_queue" "fulfilment" {
  name                       = "${var.prefix}-fulfilment"
  visibility_timeout_seconds = 60
}

resource "aws_lambda_function" "worker" {
  function_name = "${var.prefix}-fulfilment"
  role          = aws_iam_role.lambda.arn
  handler       = "worker.handler"
  runtime       = "python3.13"
  architectures = ["arm64"]
  timeout       = 120
  filename      = "build/worker.zip"
}

resource "aws_lambda_event_source_mapping" "fulfilment" {
  event_source_arn = aws_sqs_queue.fulfilment.arn
  function_name    = aws_lambda_function.worker.arn
  batch_size       = 10
}

resource "aws_iam_role" "lambda" {
  name               = "${var.prefix}-lambda"
  assume_role_policy = data.aws_iam_policy_document.lambda.json
}
