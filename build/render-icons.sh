#!/bin/sh
# Renders every icon the installers need from build/icon.svg (see build/README.md).
# Needs librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns).
set -eu
cd "$(dirname "$0")"
mkdir -p icons
# 16 and 24 px come from a bolder variant drawn for small sizes; the full mark blurs there.
for size in 16 24; do
  rsvg-convert --width "$size" --height "$size" icon-small.svg --output "icons/${size}x${size}.png"
done
for size in 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" icon.svg --output "icons/${size}x${size}.png"
done
# Windows: one .ico holding every size Explorer, the taskbar and the installers ask for.
convert icons/16x16.png icons/24x24.png icons/32x32.png icons/48x48.png icons/64x64.png icons/128x128.png icons/256x256.png icon.ico
# macOS: .icns with the 16..1024 representations.
png2icns icon.icns icons/16x16.png icons/32x32.png icons/48x48.png icons/128x128.png icons/256x256.png icons/512x512.png icons/1024x1024.png
