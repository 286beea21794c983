api_memory = 1024
