# The constraint graph as Graphviz DOT.
backbalance graph --catalog builtin
