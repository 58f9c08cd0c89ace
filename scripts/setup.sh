#!/usr/bin/env bash
# Installs what LLM Lab needs on a Debian machine: the servers it starts (PostgreSQL, Redis, RabbitMQ) and checks the
# .NET SDK. Idempotent: packages already present are not touched. The servers are not started here; the AppHost
# starts them on loopback with their data under .llmlab/ (ignored by git).
set -euo pipefail

need=()
[ -n "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null)" ] || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need+=(rabbitmq-server)
# NLTK's Porter stemmer, the reference the unit tests compare rouge_l_stemmed's stemmer with (Debian's python3-nltk).
/usr/bin/python3 -c "import nltk.stem.porter" >/dev/null 2>&1 || need+=(python3-nltk)
# Debian's kubectl: the unit tests render deploy/k8s with `kubectl kustomize` (no cluster needed).
command -v kubectl >/dev/null 2>&1 || need+=(kubectl)
# Debian's Prometheus: an integration test scrapes every process's /metrics with it.
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
# Container images without Docker (tools/containers/build-image.sh): debootstrap makes the base image's Debian, skopeo
# pushes it into Debian's docker-registry on loopback, where the SDK's container publishing takes it from.
command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
command -v skopeo >/dev/null 2>&1 || need+=(skopeo)
command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
# --browser: Debian's Chromium too, for the web app's end-to-end tests (the tests drive it with playwright-core).
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  # policy-rc.d keeps the packages' own services from starting: the AppHost runs its own instances.
  if [ "$(id -u)" -eq 0 ] && [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (dotnet was not found on PATH)." >&2
  echo "       Install it from Microsoft's packages: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi
echo "setup: postgresql, redis-server, rabbitmq-server, kubectl, prometheus, debootstrap, skopeo, docker-registry and dotnet $(dotnet --version) are present"
