resource "aws_ecs_cluster" "main" {
  name = var.prefix
}

resource "aws_ecs_task_definition" "reports" {
  family                   = "${var.prefix}-reports"
  cpu                      = 512
  memory                   = 512
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  container_definitions = jsonencode([
    {
      name      = "reports"
      image     = "public.ecr.aws/docker/library/nginx:1.27"
      essential = true
      portMappings = [{ containerPort = 80 }]
    }
  ])
}

resource "aws_ecs_service" "reports" {
  name            = "reports"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.reports.arn
  desired_count   = 2
  launch_type     = "FARGATE"
}
