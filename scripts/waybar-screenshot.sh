#!/bin/sh
# A picture of the `gate-glance balance --format waybar` module in a real waybar, under a
# headless sway, taken with grim and cropped to the bar: scripts/waybar-screenshot.sh OUT.png
#
# Needs sway, waybar and grim (Debian: sway waybar grim) and the built
# CLI (npm run build:cli). sway refuses to run as root: run as root, the script runs itself as
# the unprivileged user $WAYBAR_SHOT_USER (default "glance", created without a home if missing).
# The module runs the demo, so no key is needed and no figure is anyone's.
set -eu

out=${1:?usage: scripts/waybar-screenshot.sh OUT.png}
root=$(cd "$(dirname "$0")/.." && pwd)
case $out in /*) ;; *) out="$PWD/$out" ;; esac

if [ "$(id -u)" = 0 ]; then
  user=${WAYBAR_SHOT_USER:-glance}
  id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
  shot=$(mktemp -d)
  chown "$user" "$shot"
  runuser -u "$user" -- "$0" "$shot/waybar.png" >/dev/null
  cp "$shot/waybar.png" "$out"
  rm -rf "$shot"
  echo "wrote $out"
  exit 0
fi

work=$(mktemp -d)
trap 'kill "$sway" 2>/dev/null || true; rm -rf "$work"' EXIT
export XDG_RUNTIME_DIR="$work/run" HOME="$work" XDG_CONFIG_HOME="$work/config"
mkdir -m 0700 "$XDG_RUNTIME_DIR"
mkdir -p "$XDG_CONFIG_HOME"

cat >"$work/waybar.json" <<EOF
{
  "layer": "top",
  "position": "top",
  "height": 30,
  "modules-left": [],
  "modules-right": ["custom/gate"],
  "custom/gate": {
    "exec": "node '$root/bin/gate-glance.cjs' balance --demo --format waybar --locale en",
    "return-type": "json",
    "interval": 60,
    "tooltip": true
  }
}
EOF
cat >"$work/style.css" <<'EOF'
* { font-family: "DejaVu Sans", sans-serif; font-size: 14px; }
window#waybar { background: #1e1e2e; color: #e0e0e0; }
#custom-gate { padding: 0 14px; }
#custom-gate.demo { color: #f9e2af; }
#custom-gate.up { color: #a6e3a1; }
#custom-gate.down { color: #f38ba8; }
#custom-gate.error { color: #f38ba8; }
EOF
cat >"$work/sway.conf" <<EOF
output * resolution 640x320 bg #313244 solid_color
exec waybar -c '$work/waybar.json' -s '$work/style.css'
EOF

WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman sway -c "$work/sway.conf" >"$work/sway.log" 2>&1 &
sway=$!

# Wait for sway's socket, then for waybar to have drawn the module's first answer.
i=0
until [ -n "$(ls "$XDG_RUNTIME_DIR" | grep '^wayland-[0-9]*$' | head -n 1)" ]; do
  i=$((i + 1))
  [ "$i" -lt 100 ] || { cat "$work/sway.log" >&2; exit 1; }
  sleep 0.1
done
export WAYLAND_DISPLAY="$(ls "$XDG_RUNTIME_DIR" | grep '^wayland-[0-9]*$' | head -n 1)"
sleep 4

# Only the bar: the output's top 30 pixels (grim crops itself, so no ImageMagick is needed). The
# tooltip is not in the picture: a pointer moved with `swaymsg seat - cursor set` over the module
# did not open it under the headless backend.
grim -g "0,0 640x30" "$out"
echo "wrote $out"
