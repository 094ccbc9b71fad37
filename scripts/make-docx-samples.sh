#!/bin/sh
# Rebuild the DOCX samples from the seed texts:
#   samples/docx/libreoffice/<stem>.docx  LibreOffice's import of samples/<stem>.txt (UTF-8 text)
#   samples/docx/pandoc/<stem>.docx       pandoc from samples/src/<stem>.md, written by hand
#                                         with real Word lists and the header as a table
# Needs: pandoc, libreoffice-writer-nogui (apt-get install -y pandoc libreoffice-writer-nogui).
# Stems stay those of the .txt files so score.py can take --inputs samples/docx/pandoc.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
for tool in pandoc soffice; do
    command -v "$tool" >/dev/null || { echo "make-docx-samples: $tool not found (apt-get install -y pandoc libreoffice-writer-nogui)" >&2; exit 1; }
done
mkdir -p samples/docx/libreoffice samples/docx/pandoc
# A private LibreOffice profile: no clash with a running office, nothing left in $HOME.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT INT TERM

for txt in samples/*.txt; do
    stem=$(basename "$txt" .txt)
    # Text import options: UTF-8, LF line ends, default font and language.
    soffice -env:UserInstallation="file://$profile" --headless \
        --infilter="Text (encoded):UTF8,LF,Times New Roman,vi" \
        --convert-to 'docx:MS Word 2007 XML' --outdir samples/docx/libreoffice "$txt" >/dev/null
    md=samples/src/$stem.md
    if [ -f "$md" ]; then
        # -smart: keep "---" and quotes as written, the text version has them so.
        pandoc -f markdown-smart -t docx -o "samples/docx/pandoc/$stem.docx" "$md"
    else
        echo "make-docx-samples: no $md; pandoc sample of $stem skipped" >&2
    fi
done
ls -l samples/docx/libreoffice samples/docx/pandoc
