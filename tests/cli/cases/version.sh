backbalance --version
