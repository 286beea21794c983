variable "prefix" {
  type    = string
  default = "shop"
}

variable "runtime" {
  type    = string
  default = "nodejs18.x"
}

variable "api_memory" {
  type    = number
  default = 512
}
