# A change under review: one more bucket. Loaded together with infra/ by the frozen-rule test, whose record holds
# the violations infra/ already had: only this new one fails.

resource "aws_s3_bucket" "exports" {
  bucket = "exports-2024"
}
