variable "memory" {
  description = "Memory of the orders function, in MB"
  type        = number
  default     = 512
}
