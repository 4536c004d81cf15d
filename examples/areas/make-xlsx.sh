#!/bin/sh
# Writes nottinghamshire-districts.xlsx from nottinghamshire-districts.csv with LibreOffice Calc, as
# a finance officer's spreadsheet program would save it: figures as numbers, names and notes as
# shared strings, one sheet called Districts. Run from anywhere; it writes beside itself.
#
#   examples/areas/make-xlsx.sh
#
# The CSV filter options 44,34,76,1 are: comma-separated, quoted with ", UTF-8, from line 1.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/nottinghamshire-districts.csv" "$work/Districts.csv"
soffice -env:UserInstallation="file://$work/profile" --headless --infilter=CSV:44,34,76,1 \
  --convert-to xlsx --outdir "$work" "$work/Districts.csv" >/dev/null 2>&1
cp "$work/Districts.xlsx" "$here/nottinghamshire-districts.xlsx"
