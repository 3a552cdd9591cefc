variable "engine_version" {
  type = string
}

resource "aws_db_instance" "current" {
  identifier          = "current"
  engine              = "mysql"
  engine_version      = "8.4.3"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "admin"
  password            = "change-me-please"
  skip_final_snapshot = true
}

# lookalike: "10.11" is a current MariaDB major version, not PostgreSQL 10
resource "aws_db_instance" "mariadb" {
  identifier          = "mariadb"
  engine              = "mariadb"
  engine_version      = "10.11.9"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "admin"
  password            = "change-me-please"
  skip_final_snapshot = true
}

# lookalike: Aurora MySQL 3 is 8.0-compatible and in standard support
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
  engine              = "postgres"
  engine_version      = var.engine_version
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "app"
  password            = "change-me-please"
  skip_final_snapshot = true
}

# no version: RDS picks its default, which it offers
resource "aws_db_instance" "default_version" {
  identifier          = "default-version"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "app"
  password            = "change-me-please"
  skip_final_snapshot = true
}
