variable "postgres_version" {
  type    = string
  default = "10.21" # evidence: rds-engine-version-unavailable value
}

resource "aws_db_instance" "retired" {
  identifier          = "retired"
  engine              = "mysql"
  engine_version      = "5.6.51" # expect: rds-engine-version-unavailable
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "admin"
  password            = "change-me-please"
  skip_final_snapshot = true
}

resource "aws_rds_cluster" "through_variable" {
  cluster_identifier          = "through-variable"
  engine                      = "aurora-postgresql"
  engine_version              = var.postgres_version # expect: rds-engine-version-unavailable
  master_username             = "app"
  manage_master_user_password = true
  skip_final_snapshot         = true
}

# past standard support with Extended Support turned off: RDS refuses rather than bills
resource "aws_db_instance" "disabled" {
  identifier               = "disabled"
  engine                   = "postgres"
  engine_version           = "12.19" # expect: rds-engine-version-unavailable
  engine_lifecycle_support = "open-source-rds-extended-support-disabled"
  instance_class           = "db.t3.micro"
  allocated_storage        = 20
  username                 = "app"
  password                 = "change-me-please"
  skip_final_snapshot      = true
}
