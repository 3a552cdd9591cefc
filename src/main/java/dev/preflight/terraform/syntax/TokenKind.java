package dev.preflight.terraform.syntax;

/** The kinds of lexical token in HCL native syntax, including the template-mode tokens. */
enum TokenKind {
    IDENT("an identifier"),
    NUMBER("a number"),
    NEWLINE("a newline"),
    EOF("the end of the file"),
    LBRACE("'{'"), RBRACE("'}'"), LBRACK("'['"), RBRACK("']'"), LPAREN("'('"), RPAREN("')'"),
    COMMA("','"), DOT("'.'"), ELLIPSIS("'...'"), COLON("':'"), DOUBLE_COLON("'::'"), QUESTION("'?'"),
    EQUAL("'='"), FAT_ARROW("'=>'"),
    EQEQ("'=='"), NOT_EQUAL("'!='"), LESS("'<'"), LESS_EQUAL("'<='"), GREATER("'>'"), GREATER_EQUAL("'>='"),
    AND("'&&'"), OR("'||'"), BANG("'!'"),
    PLUS("'+'"), MINUS("'-'"), STAR("'*'"), SLASH("'/'"), PERCENT("'%'"),
    /** The opening {@code "} of a quoted template. */
    OQUOTE("a string"),
    /** The closing {@code "} of a quoted template. */
    CQUOTE("'\"'"),
    /** Raw literal text inside a quoted template: escapes not yet decoded. */
    QUOTED_LIT("string text"),
    /** {@code <<EOT} or {@code <<-EOT} including the newline that ends the introducer. */
    OHEREDOC("a heredoc"),
    /** One line (or the rest of one line) of heredoc text, including its newline. */
    HEREDOC_LIT("heredoc text"),
    /** The heredoc's closing marker line (leading whitespace plus the marker). */
    CHEREDOC("the heredoc closing marker"),
    /** {@code ${} or {@code ${~}. */
    TEMPLATE_INTERP("'${'"),
    /** {@code %{} or {@code %{~}. */
    TEMPLATE_CONTROL("'%{'"),
    /** The {@code }} or {@code ~}} that closes an interpolation or directive. */
    TEMPLATE_SEQ_END("'}'"),
    /** Text the lexer could not read; the token carries the message and the parser reports it when it gets there. */
    INVALID("invalid text");

    private final String description;

    TokenKind(String description) {
        this.description = description;
    }

    /** How an error message names a token of this kind. */
    String description() {
        return description;
    }
}
