#!/usr/bin/env bash
# Refreshes the vendored front-end assets from npm; record new versions in VERSIONS.md.
set -euo pipefail
dest="$(cd "$(dirname "$0")/.." && pwd)/src/olievlek/site/static/vendor"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp" && npm init -y >/dev/null
npm install --silent @utrecht/component-library-css@9 htmx.org@2.0
cp node_modules/@utrecht/component-library-css/dist/index.css "$dest/utrecht-component-library-css/"
cp node_modules/@utrecht/component-library-css/LICENSE.md "$dest/utrecht-component-library-css/"
cp node_modules/htmx.org/dist/htmx.min.js "$dest/htmx/"
grep '"version"' node_modules/@utrecht/component-library-css/package.json node_modules/htmx.org/package.json
