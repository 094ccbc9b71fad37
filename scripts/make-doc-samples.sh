#!/bin/sh
# Rebuild the Word 97-2003 (.doc) samples with LibreOffice:
#   samples/doc/libreoffice/<stem>.doc  LibreOffice's import of samples/<stem>.txt, saved as .doc
#   tests/unit/data/lists_tables.doc    samples/docx/pandoc/002_*.docx (real Word lists, the
#                                       header as a table) saved as .doc, for test_doc_read.
# (LibreOffice's .doc export splits some lists of the pandoc files into new lists, so
# their labels restart: those files are not twins of the seeds and stay out of samples/.)
# Needs libreoffice-writer-nogui (apt-get install -y libreoffice-writer-nogui); the build and
# the tests only read the files made here.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v soffice >/dev/null || { echo "make-doc-samples: soffice not found (apt-get install -y libreoffice-writer-nogui)" >&2; exit 1; }
mkdir -p samples/doc/libreoffice tests/unit/data
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT INT TERM
for txt in samples/*.txt; do
    soffice -env:UserInstallation="file://$profile" --headless \
        --infilter="Text (encoded):UTF8,LF,Times New Roman,vi" \
        --convert-to 'doc:MS Word 97' --outdir samples/doc/libreoffice "$txt" >/dev/null
done
out=$(mktemp -d)
soffice -env:UserInstallation="file://$profile" --headless \
    --convert-to 'doc:MS Word 97' --outdir "$out" samples/docx/pandoc/002_1650eb5d82567ecd.docx >/dev/null
mv "$out/002_1650eb5d82567ecd.doc" tests/unit/data/lists_tables.doc
rmdir "$out"
ls -l samples/doc/libreoffice tests/unit/data/lists_tables.doc
