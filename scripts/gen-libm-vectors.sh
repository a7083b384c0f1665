#!/usr/bin/env bash
# Regenerates tests/fixtures/libm-vectors.bin (reference vectors for
# src/core/rng/libm.ts and fma.ts) from this machine's C library.
# The fixture is only meaningful from glibc 2.36 on an x86_64 CPU with FMA and
# AVX2, where log()/pow() dispatch to __ieee754_log_fma/__ieee754_pow_fma.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! grep -qw fma /proc/cpuinfo || ! grep -qw avx2 /proc/cpuinfo; then
  echo "error: this CPU lacks FMA/AVX2; glibc would use other log/pow variants" >&2
  exit 1
fi
glibc="$(getconf GNU_LIBC_VERSION 2>/dev/null || true)"
if [ "$glibc" != "glibc 2.36" ]; then
  echo "warning: reference is glibc 2.36, this is '${glibc:-unknown}'" >&2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# -ffp-contract=off and no -march: the generator's own arithmetic (building
# inputs) stays unfused; log/pow/fma come from libm at run time.
gcc -std=gnu11 -O2 -ffp-contract=off -Wall -Wextra -o "$tmp/libm-vectors" scripts/libm-vectors.c -lm
mkdir -p tests/fixtures
"$tmp/libm-vectors" tests/fixtures/libm-vectors.bin
