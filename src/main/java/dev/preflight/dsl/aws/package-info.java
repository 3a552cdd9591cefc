/**
 * AWS vocabulary for the rule DSL: the words a rule author would say (application load balancers, the route table of
 * a subnet, ECR images, Fargate task definitions), as predicates, traversals and value parsers that work the same
 * for Terraform and CloudFormation because they read canonical property names.
 */
package dev.preflight.dsl.aws;
