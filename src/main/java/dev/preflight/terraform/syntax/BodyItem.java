package dev.preflight.terraform.syntax;

/** An entry of a {@link Body}. */
public sealed interface BodyItem extends Node permits Attribute, Block {
}
