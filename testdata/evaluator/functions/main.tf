# Built-in functions, each result written into a tag so that Terraform's value can be read back from the plan.
variable "networks" {
  default = {
    app  = { cidr = "10.20.0.0/16", newbits = 4 }
    data = { cidr = "172.16.0.0/12", newbits = 8 }
  }
}

variable "maybe" {
  type    = string
  default = null
}

locals {
  lists   = [["a", "b"], [], ["c", ["d", "e"]]]
  numbers = [5, 3, 11, 3]
  obj     = { b = 2, a = 1, c = 3 }
}

resource "aws_ssm_parameter" "strings" {
  name  = "/functions/strings"
  type  = "String"
  value = format("%s-%03d-%.2f-%t-%q", "x", 7, 3.14159, true, "quoted")
  tags = {
    formatlist = join("|", formatlist("%s=%d", ["a", "b"], [1, 2]))
    upper      = upper("MiXed")
    lower      = lower("MiXed")
    title      = title("hello world")
    trimspace  = trimspace("  padded \n")
    trim       = trim("--x--", "-")
    trimprefix = trimprefix("prefix-body", "prefix-")
    trimsuffix = trimsuffix("body.tf", ".tf")
    replace    = replace("a-b-c", "-", "_")
    regex_repl = replace("abc123def", "/[0-9]+/", "#")
    substr     = substr("hello world", 6, 5)
    split      = join("+", split(",", "a,b,,c"))
    join       = join(", ", ["x", "y"])
    strrev     = strrev("abc")
    indent     = indent(2, "a\nb")
    chomp      = chomp("line\n")
    regex      = regex("[a-z]+", "123abc456")
    startswith = startswith("terraform", "terra")
    endswith   = endswith("terraform", "form")
    contains   = contains(["a", "b"], "b")
    tostring   = tostring(42)
    tonumber   = tonumber("42.50") + 0
    tobool     = tobool("false")
    coalesce   = coalesce(var.maybe, "", "fallback")
    try        = try(local.obj.missing, "tried")
    can        = can(local.obj.missing)
    lookup     = lookup(local.obj, "z", 0)
    sha        = sha256("preflight")
    md5        = md5("preflight")
    base64     = base64encode("preflight")
    urlencode  = urlencode("a b&c")
  }
}

resource "aws_ssm_parameter" "collections" {
  name  = "/functions/collections"
  type  = "String"
  value = jsonencode(local.obj)
  tags = {
    concat      = join(",", concat(["a"], ["b", "c"], []))
    flatten     = join(",", flatten(local.lists))
    distinct    = join(",", distinct(["b", "a", "b"]))
    sort        = join(",", sort(["b", "a", "c"]))
    sort_nums   = join(",", sort([10, 9, 100]))
    reverse     = join(",", reverse(["a", "b", "c"]))
    keys        = join(",", keys(local.obj))
    values      = join(",", values(local.obj))
    element     = element(["a", "b", "c"], 4)
    index       = index(["a", "b", "c"], "c")
    length      = length(local.obj)
    length_str  = length("héllo")
    merge       = jsonencode(merge({ a = 1, b = 2 }, { b = 3 }))
    zipmap      = jsonencode(zipmap(["k1", "k2"], ["v1", "v2"]))
    range       = join(",", range(1, 10, 3))
    slice       = join(",", slice(["a", "b", "c", "d"], 1, 3))
    chunklist   = jsonencode(chunklist(["a", "b", "c"], 2))
    setunion    = join(",", setunion(["b"], ["a", "b"]))
    setproduct  = length(setproduct(["a", "b"], [1, 2]))
    compact     = join(",", compact(["a", "", "b"]))
    min         = min(local.numbers...)
    max         = max(3, 7.5, 2)
    sum         = sum(local.numbers)
    abs         = abs(-4.5)
    ceil        = ceil(4.1)
    floor       = floor(-4.1)
    pow         = pow(2, 10)
    log         = log(16, 2)
    signum      = signum(-9)
    parseint    = parseint("ff", 16)
    one         = one(["only"])
    alltrue     = alltrue([true, 1 == 1])
    anytrue     = anytrue([false])
    lookup_def  = lookup({ a = "x" }, "b", "default")
    transpose   = jsonencode(transpose({ a = ["1", "2"], b = ["2"] }))
    toset_json  = jsonencode(toset(["b", "a", "b"]))
    tolist_json = jsonencode(tolist(toset(["c", "a"])))
    tomap_json  = jsonencode(tomap({ a = 1, b = "x" }))
    tolist_mix  = jsonencode(tolist([true, "a", 2]))
    toset_nums  = jsonencode(toset([3, 1, 20, 1]))
    toset_mix   = jsonencode(toset(["b", 10, "a"]))
    matchkeys   = join(",", matchkeys(["a", "b", "c"], [1, 2, 3], [1, 3]))
    coalescel   = join(",", coalescelist([], ["x"]))
    nested_json = jsonencode({ list = [1, "two", true, null], map = { z = 1, a = [] } })
  }
}

resource "aws_ssm_parameter" "cidrs" {
  for_each = var.networks
  name     = "/functions/cidr/${each.key}"
  type     = "String"
  value    = cidrsubnet(each.value.cidr, each.value.newbits, 3)
  tags = {
    host    = cidrhost(each.value.cidr, 5)
    netmask = cidrnetmask(each.value.cidr)
    subnets = join(",", cidrsubnets(each.value.cidr, 4, 4, 8))
    ipv6    = cidrsubnet("2600:1f18:abcd:1200::/56", 8, 15)
  }
}
