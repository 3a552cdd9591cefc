#!/usr/bin/env bash
# Plans a Terraform directory offline and writes the plan JSON, for `preflight scan plan.json` by hand:
#   tools/terraform/plan.sh testdata/evaluator/basics /tmp/basics-plan.json
# The directory is copied (with tools/terraform/provider.tf added), so nothing is written into it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$(cd "$1" && pwd)"
out="$(realpath -m "$2")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$src/." "$work/"
rm -rf "$work/.terraform" "$work/.terraform.lock.hcl"
cp "$here/provider.tf" "$work/zz_preflight_provider_override.tf"
export TF_CLI_CONFIG_FILE="$here/cli.tfrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1 TF_INPUT=0
export TF_PLUGIN_CACHE_DIR="${TF_PLUGIN_CACHE_DIR:-${TMPDIR:-/tmp}/preflight-tf-plugin-cache}"
mkdir -p "$TF_PLUGIN_CACHE_DIR"
cd "$work"
terraform init -input=false -backend=false -no-color >/dev/null
terraform plan -refresh=false -input=false -lock=false -no-color -out=plan.bin >/dev/null
terraform show -json plan.bin >"$out"
# the plan JSON sits beside a copy of the configuration, so positions map back only if you copy it too
echo "wrote $out"
