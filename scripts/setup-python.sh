#!/usr/bin/env bash
# npm run setup:python — the Python side of the exports (notebook and PyNN) on Debian/Ubuntu.
#
#   1. installs Debian's packages (as root, or with sudo): numpy, matplotlib, nbclient, ipykernel,
#      nbconvert, PyNN 0.10, NEURON 8.2 (neuron-dev), Open MPI and mpi4py; and OpenBLAS
#      (libopenblas0-pthread), which numpy then uses instead of the reference BLAS/LAPACK: the
#      benchmarks' numpy baselines (npm run bench) are measured against an optimised BLAS;
#   2. compiles PyNN's NEURON mechanisms (nrnivmodl in pyNN/neuron/nmodl), with two workarounds for
#      Debian's neuron 8.2: nrnivmodl looks for nrnmech_makefile beside its binary (it is in
#      /usr/lib/nrn: link it), and the link step cannot find libnrniv (pass -L and an rpath).
#
# Optional: BRIAN2=1 also installs python3-brian (Brian 2.5), PyNN's brian2 backend (an exported
# script then runs with --simulator brian2; its first run spends ~30 s generating code). The issue's
# package list does not name it, so it is not installed by default.
#
# Idempotent: prints nothing and exits 0 when everything is there. Elsewhere (not Debian, no root
# and no sudo) it says what to install and exits 1. Everything runs with Debian's /usr/bin/python3.
set -euo pipefail

PY=/usr/bin/python3
PACKAGES=(python3-numpy python3-matplotlib python3-nbformat python3-nbclient python3-ipykernel jupyter-nbconvert
  python3-pynn neuron-dev openmpi-bin python3-mpi4py libopenblas0-pthread)
[ "${BRIAN2:-0}" = 1 ] && PACKAGES+=(python3-brian)
NRN_LIB=/usr/lib/nrn

say() { echo "setup:python: $*"; }
fail() {
  echo "setup:python: $*" >&2
  exit 1
}

missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then echo "$p"; fi
  done
}

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  fail "this is not a Debian/Ubuntu system. Install by hand: Python 3 with numpy (>= 1.24), matplotlib, nbformat, nbclient, ipykernel and nbconvert (Jupyter); PyNN 0.10 with NEURON 8.2 (then run nrnivmodl in PyNN's neuron/nmodl folder); Open MPI and mpi4py."
fi

mapfile -t MISSING < <(missing_packages)
if [ "${#MISSING[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    fail "needs root or sudo to install: ${MISSING[*]} (run: sudo apt-get install -y ${MISSING[*]})"
  fi
  say "installing ${MISSING[*]} (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq >/dev/null || fail "apt-get update failed"
  if ! "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/tmp/setup-python-apt.log 2>&1; then
    tail -n 20 /tmp/setup-python-apt.log >&2
    fail "apt-get install failed (log: /tmp/setup-python-apt.log)"
  fi
fi
[ -x "$PY" ] || fail "$PY is missing after the install"

# PyNN's NEURON mechanisms (the library PyNN loads from its nmodl folder).
PYNN_DIR=$("$PY" -c 'import os, pyNN; print(os.path.dirname(pyNN.__file__))' 2>/dev/null) || fail "$PY cannot import pyNN"
NMODL="$PYNN_DIR/neuron/nmodl"
ARCH=$(uname -m)
if [ ! -f "$NMODL/$ARCH/.libs/libnrnmech.so" ] && [ ! -f "$NMODL/$ARCH/libnrnmech.so" ]; then
  NRNIVMODL=$(command -v nrnivmodl) || fail "nrnivmodl not found (package neuron-dev)"
  if [ "$(id -u)" -eq 0 ]; then SUDO=(); elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=(sudo -n); else
    fail "needs root or sudo to compile PyNN's NEURON mechanisms in $NMODL"
  fi
  BIN_DIR=$(dirname "$NRNIVMODL")
  if [ ! -e "$BIN_DIR/nrnmech_makefile" ] && [ -f "$NRN_LIB/nrnmech_makefile" ]; then
    "${SUDO[@]}" ln -s "$NRN_LIB/nrnmech_makefile" "$BIN_DIR/nrnmech_makefile"
  fi
  say "compiling PyNN's NEURON mechanisms (nrnivmodl in $NMODL)…"
  # nrnivmodl also tries to build a 'special' binary, which may fail on Debian and is not needed.
  (cd "$NMODL" && "${SUDO[@]}" "$NRNIVMODL" -loadflags "-L$NRN_LIB -Wl,-rpath,$NRN_LIB" >/tmp/setup-python-nrnivmodl.log 2>&1) || true
  if [ ! -f "$NMODL/$ARCH/.libs/libnrnmech.so" ] && [ ! -f "$NMODL/$ARCH/libnrnmech.so" ]; then
    tail -n 20 /tmp/setup-python-nrnivmodl.log >&2
    fail "nrnivmodl did not produce $NMODL/$ARCH/libnrnmech.so (log: /tmp/setup-python-nrnivmodl.log)"
  fi
fi

# The final word: every module imports and PyNN's NEURON backend loads its mechanisms.
if ! out=$("$PY" -c 'import numpy, matplotlib, nbformat, nbclient, ipykernel, nbconvert, mpi4py, pyNN.neuron' 2>&1); then
  echo "$out" | tail -n 5 >&2
  fail "$PY cannot load the packages (see above)"
fi
command -v mpirun >/dev/null || fail "mpirun not found (package openmpi-bin)"
