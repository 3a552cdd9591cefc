task_memory = 2048
