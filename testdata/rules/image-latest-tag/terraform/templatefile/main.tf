# Container definitions rendered by templatefile(): the finding points at the image in the template (the template
# holds no comments: templates/task.json.tftpl.expect lists what is expected there).
variable "tag" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = templatefile("${path.module}/templates/task.json.tftpl", {
    name  = "app"
    image = "nginx"
    tag   = "latest"
    port  = 8080
  })
}

# lookalike: the same template with a pinned tag
resource "aws_ecs_task_definition" "pinned" {
  family = "pinned"
  container_definitions = templatefile("${path.module}/templates/task.json.tftpl", {
    name  = "pinned"
    image = "nginx"
    tag   = "1.27.3"
    port  = 8080
  })
}

# lookalike: the tag is a variable without a default, so it is not known
resource "aws_ecs_task_definition" "unknown_tag" {
  family = "unknown-tag"
  container_definitions = templatefile("${path.module}/templates/task.json.tftpl", {
    name  = "unknown-tag"
    image = "nginx"
    tag   = var.tag
    port  = 8080
  })
}
