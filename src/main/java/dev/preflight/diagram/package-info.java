/**
 * Pictures of a stack: the resources of one root module or template that matter to a container deployment (VPC,
 * subnets by zone, route tables and where they route, gateways, endpoints, load balancers, target groups, services,
 * task definitions, roles, repositories), with the resources that have findings marked, written as Graphviz DOT or
 * Mermaid. Built from the graph and the findings; the CLI and the Markdown report use it.
 */
package dev.preflight.diagram;
