variable "mysql_version" {
  type    = string
  default = "5.7.44" # evidence: rds-extended-support-version value
}

resource "aws_db_instance" "mysql" {
  identifier          = "mysql"
  engine              = "mysql"
  engine_version      = var.mysql_version # expect: rds-extended-support-version
  instance_class      = "db.m6g.large"
  allocated_storage   = 20
  username            = "admin"
  password            = "change-me-please"
  skip_final_snapshot = true
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier          = "aurora"
  engine                      = "aurora-mysql"
  engine_version              = "5.7.mysql_aurora.2.12.2" # expect: rds-extended-support-version
  master_username             = "admin"
  manage_master_user_password = true
  skip_final_snapshot         = true
}

resource "aws_db_instance" "postgres" {
  identifier          = "postgres"
  engine              = "postgres"
  engine_version      = "13.15" # expect: rds-extended-support-version
  instance_class      = "db.m6g.large"
  allocated_storage   = 20
  username            = "app"
  password            = "change-me-please"
  skip_final_snapshot = true
}
