#!/bin/sh
# Thin wrapper: run the corpus niced (see run.py --help and README.md).
exec nice -n 10 python3 "$(dirname "$0")/run.py" "$@"
