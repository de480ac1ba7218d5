// Empty: the target exists for its dependency on the generator's command-line tool.
