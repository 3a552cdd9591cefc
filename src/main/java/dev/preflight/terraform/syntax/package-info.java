/**
 * HCL native syntax as a tree with exact spans: the Terraform syntax layer. The parser here is the project's own,
 * written from HashiCorp's HCL native syntax specification (see {@link dev.preflight.terraform.syntax.HclParser}).
 */
package dev.preflight.terraform.syntax;
