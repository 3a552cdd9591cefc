variable "engine_version" {
  type = string
}

resource "aws_db_instance" "current" {
  identifier          = "current"
  engine              = "postgres"
  engine_version      = "16.4"
  instance_class      = "db.m6g.large"
  allocated_storage   = 20
  username            = "app"
  password            = "change-me-please"
  skip_final_snapshot = true
}

# lookalike: Aurora MySQL 3 (8.0-compatible) is in standard support, unlike RDS for MySQL 8.0
resource "aws_rds_cluster" "aurora" {
  cluster_identifier          = "aurora"
  engine                      = "aurora-mysql"
  engine_version              = "8.0.mysql_aurora.3.08.0"
  master_username             = "admin"
  manage_master_user_password = true
  skip_final_snapshot         = true
}

resource "aws_db_instance" "unknown" {
  identifier          = "unknown"
  engine              = "mysql"
  engine_version      = var.engine_version
  instance_class      = "db.m6g.large"
  allocated_storage   = 20
  username            = "admin"
  password            = "change-me-please"
  skip_final_snapshot = true
}

variable "lifecycle_support" {
  type = string
}

# lookalike: MySQL 8.0 is past standard support, but whether Extended Support is on is not known before apply
resource "aws_db_instance" "lifecycle_unknown" {
  identifier               = "lifecycle-unknown"
  engine                   = "mysql"
  engine_version           = "8.0.36"
  engine_lifecycle_support = var.lifecycle_support
  instance_class           = "db.m6g.large"
  allocated_storage        = 20
  username                 = "admin"
  password                 = "change-me-please"
  skip_final_snapshot      = true
}
