memory = 1024
