#!/bin/sh
# Stands in for nvidia-smi (and rocm-smi) in the tests. QUANTCFG_FAKE_SMI_CASE names a folder next
# to this script holding the recorded answers of a real tool: query.txt for the --query-gpu call
# with compute_cap, query-old.txt for the call without it, list.txt for -L, rocm.txt for
# rocm-smi --showproductname; WHAT.rc holds a non-zero exit code, WHAT.sleep makes it hang.
dir="$(dirname "$0")/${QUANTCFG_FAKE_SMI_CASE:?set QUANTCFG_FAKE_SMI_CASE}"
case "$*" in
    -L) what=list ;;
    *compute_cap*) what=query ;;
    --query-gpu=*) what=query-old ;;
    --showproductname) what=rocm ;;
    *) echo "fake-nvidia-smi: unexpected arguments: $*" >&2; exit 99 ;;
esac
if [ -f "$dir/$what.sleep" ]; then
    exec sleep "$(cat "$dir/$what.sleep")"
fi
if [ ! -f "$dir/$what.txt" ]; then
    echo "fake-nvidia-smi: no $what.txt in $dir" >&2
    exit 98
fi
cat "$dir/$what.txt"
if [ -f "$dir/$what.rc" ]; then
    exit "$(cat "$dir/$what.rc")"
fi
exit 0
