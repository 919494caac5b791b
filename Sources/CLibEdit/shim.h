// libedit's readline-compatible interface, which is all the REPL needs.
#include <stdio.h>
#include <editline/readline.h>
