#!/usr/bin/env bash
# Assembles the real-world corpus into DEST: Markdown docs exactly as Go
# modules, npm packages and Debian packages ship them, each package whole in
# its own folder (content/<source>/<package>/) with its images and other
# files beside the pages. Files are not edited; the only changes are those a
# reader of the package would make too: Debian's gzipped docs (.md.gz) are
# unpacked, and symlinks (which point into other packages) are dropped.
#
#   generator/site/testdata/realworld/assemble.sh DEST
#   GUIDEBOOK_REALWORLD=DEST go test ./generator/site -run RealWorld -v
#
# Versions are pinned so the corpus is the same on every machine. It needs
# the Go module proxy, the npm registry and Debian's archive (apt-get
# download, no install), and takes about 30 s on a fresh machine, a few
# seconds once the Go and npm caches hold the packages. The corpus is never
# committed: it is other people's work, and 40 MB.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 DEST (a missing or empty folder)" >&2
  exit 2
fi
dest=$1
if [ -e "$dest" ] && [ -n "$(ls -A "$dest")" ]; then
  echo "$0: $dest is not empty" >&2
  exit 1
fi
mkdir -p "$dest/content"
dest=$(cd "$dest" && pwd)
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

# Go modules with docs folders or long READMEs, by module@version; each
# goes to content/go/<last path element without a /vN suffix>/.
go_modules=(
  github.com/spf13/cobra@v1.8.1
  github.com/urfave/cli/v2@v2.27.5
  github.com/gin-gonic/gin@v1.10.0
  github.com/sirupsen/logrus@v1.9.3
  github.com/go-chi/chi/v5@v5.1.0
  github.com/spf13/viper@v1.19.0
  github.com/charmbracelet/bubbletea@v1.1.0
  github.com/charmbracelet/lipgloss@v0.13.0
  github.com/charmbracelet/glow@v1.5.1
  github.com/golang-migrate/migrate/v4@v4.17.1
  github.com/prometheus/client_golang@v1.20.4
  github.com/go-git/go-git/v5@v5.12.0
  google.golang.org/grpc@v1.67.0
  github.com/junegunn/fzf@v0.55.0
  github.com/goreleaser/goreleaser@v1.26.2
  github.com/minio/minio-go/v7@v7.0.77
  github.com/gorilla/websocket@v1.5.3
  github.com/nats-io/nats.go@v1.37.0
  github.com/stretchr/testify@v1.9.0
  github.com/jesseduffield/lazygit@v0.44.1
)

# npm packages that ship READMEs, changelogs or docs folders.
npm_packages=(
  express@4.21.0 axios@1.7.7 dayjs@1.11.13 undici@6.19.8 pino@9.4.0
  fastify@5.0.0 markdownlint@0.35.0 execa@9.4.0 got@14.4.2 winston@3.14.2
  dotenv@16.4.5 zod@3.23.8 ws@8.18.0 commander@12.1.0 chalk@5.3.0
  yargs@17.7.2 mocha@10.7.3 debug@4.3.7 uuid@10.0.0 semver@7.6.3
  js-yaml@4.1.0 marked@14.1.2 markdown-it@14.1.0 nodemon@3.1.7
  ioredis@5.4.1 socket.io@4.8.0 sharp@0.33.5 prettier@3.3.3
  node-fetch@2.7.0 husky@9.1.6 vite@5.4.8 rollup@4.24.0 esbuild@0.24.0
)

# Debian bookworm packages whose /usr/share/doc holds Markdown. A pinned
# version the archive no longer serves (a point release replaced it) falls
# back to the current one, with a note.
debian_packages=(
  nodejs-doc=18.20.4+dfsg-1~deb12u3
  git-lfs=3.3.0-1+deb12u2
  zstd=1.5.4+dfsg2-5+deb12u1
  ruby-kramdown=2.4.0-2
  systemd=252.39-1~deb12u2
  openssl=3.0.22-1~deb12u2
  libnss-mdns=0.15.1-3
  man-db=2.11.2-2
  iso-codes=4.15.0-1
  shared-mime-info=2.2-1
  procps=2:4.0.2-3
  psmisc=23.6-1
)

go_corpus() {
  local out=$work/go.json
  # -json reports each module's folder in the module cache; a module the
  # proxy refuses is an error, since a smaller corpus would pass silently.
  go mod download -json "${go_modules[@]}" >"$out"
  if grep -q '"Error"' "$out"; then
    grep '"Error"' "$out" >&2
    exit 1
  fi
  local m path dir name
  for m in "${go_modules[@]}"; do
    path=${m%@*}
    dir=$(go env GOMODCACHE)/$(go_cache_path "$path")@${m#*@}
    name=${path##*/}
    if [[ $name =~ ^v[0-9]+$ ]]; then
      name=${path%/*}
      name=${name##*/}
    fi
    mkdir -p "$dest/content/go"
    cp -r "$dir" "$dest/content/go/$name"
  done
  chmod -R u+w "$dest/content/go"
}

# go_cache_path escapes upper-case letters as the module cache does
# (github.com/BurntSushi → github.com/!burnt!sushi).
go_cache_path() {
  sed -E 's/([A-Z])/!\L\1/g' <<<"$1"
}

npm_corpus() {
  local dir=$work/npm p name
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "${npm_packages[@]}" >/dev/null)
  for p in "${npm_packages[@]}"; do
    name=${p%@*}
    mkdir -p "$dest/content/npm/$name"
    tar -xzf "$dir/${name//\//-}-${p##*@}.tgz" -C "$dest/content/npm/$name" --strip-components=1
  done
}

debian_corpus() {
  local dir=$work/deb p
  mkdir -p "$dir/x"
  # A fresh machine may have no package lists yet: fetch them once.
  if ! apt-cache show "${debian_packages[0]}" >/dev/null 2>&1; then
    apt-get update -qq
  fi
  for p in "${debian_packages[@]}"; do
    if ! (cd "$dir" && apt-get download -qq "$p" 2>/dev/null); then
      echo "$0: Debian no longer serves $p; taking its current version" >&2
      (cd "$dir" && apt-get download -qq "${p%%=*}")
    fi
  done
  for p in "$dir"/*.deb; do
    dpkg-deb -x "$p" "$dir/x"
  done
  find "$dir/x/usr/share/doc" -type l -delete
  mkdir -p "$dest/content/debian"
  local d
  for d in "$dir"/x/usr/share/doc/*/; do
    if [ -n "$(find "$d" -name '*.md' -o -name '*.md.gz' | head -1)" ]; then
      cp -r "$d" "$dest/content/debian/"
    fi
  done
  find "$dest/content/debian" -name '*.md.gz' -exec gunzip {} +
}

go_corpus
npm_corpus
debian_corpus

cat >"$dest/site.yaml" <<'EOF'
# Real-world docs, unmodified, built as a new user would (issue 13).
title: Real-world docs
language: en
brokenLinks: warn
EOF
cat >"$dest/content/_index.md" <<'EOF'
---
title: Real-world docs
---
Docs of Go modules (`go/`), npm packages (`npm/`) and Debian packages
(`debian/`), as they ship them.
EOF

echo "$(find "$dest/content" -name '*.md' | wc -l) Markdown files in $dest"
