#!/usr/bin/env bash
# Sourced by build-image.sh: Debian's docker-registry (the CNCF distribution registry) on a free loopback port, its
# storage under the cache folder, so pushed base layers survive between runs. Plain HTTP: it listens on 127.0.0.1 only.

registry_start() {
  local storage=$1
  mkdir -p "$storage"
  REGISTRY_PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  REGISTRY_ADDR="127.0.0.1:${REGISTRY_PORT}"
  local config="$storage/../registry.yml"
  cat > "$config" <<YAML
version: 0.1
log: { level: warn }
storage:
  filesystem: { rootdirectory: $storage }
  delete: { enabled: true }
http:
  addr: $REGISTRY_ADDR
YAML
  docker-registry serve "$config" > "$storage/../registry.log" 2>&1 &
  REGISTRY_PID=$!
  for _ in $(seq 1 100); do
    if curl -fs -o /dev/null "http://$REGISTRY_ADDR/v2/" 2>/dev/null; then return 0; fi
    kill -0 "$REGISTRY_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "build-image: the registry did not start (see $storage/../registry.log)" >&2
  return 1
}

registry_stop() {
  if [ -n "${REGISTRY_PID:-}" ]; then
    kill "$REGISTRY_PID" 2>/dev/null || true
    wait "$REGISTRY_PID" 2>/dev/null || true
    REGISTRY_PID=
  fi
}
