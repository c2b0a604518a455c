#!/usr/bin/env bash
# The main job: set up this machine, bring up a 5-host lab (3 managers, 2 workers),
# each host provisioned over SSH with its own dockerd and shoald; form a shoal cluster
# on it through the CLI; run a replicated service from the lab registry and reach it.
# The lab stays up afterwards; remove it with: node dist/cli/shoal.js lab down --name demo
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/bootstrap.sh
shoal() { node dist/cli/shoal.js "$@"; }
on() { local h=$1; shift; shoal lab exec --name demo "$h" -- /opt/shoal/bin/shoal "$@"; }
addr() { shoal lab ls --name demo --format '{{.Host}} {{.Address}}' | awk -v h="$1" '$1==h{print $2}'; }

shoal lab down --name demo >/dev/null 2>&1 || true
shoal lab up --name demo --managers 3 --workers 2
registry=$(node -p "require('/var/lib/shoal-lab/demo/state.json').registry")

echo
echo "== a cluster: init on m1, m2 and m3 join as managers, w1 and w2 as workers"
on m1 init --advertise-addr "$(addr m1)"
manager_token=$(on m1 join-token manager -q)
worker_token=$(on m1 join-token worker -q)
for h in m2 m3; do on "$h" join --token "$manager_token" --advertise-addr "$(addr "$h")" "$(addr m1):2377"; done
for h in w1 w2; do on "$h" join --token "$worker_token" --advertise-addr "$(addr "$h")" "$(addr m1):2377"; done
on m1 node ls

echo
echo "== a service: 5 replicas of lab/app:1, published on each host's port 8080"
on m2 service create --name web --replicas 5 --max-replicas 1 \
  --publish mode=host,target=80,published=8080 "$registry/lab/app:1"
on m1 service ls
on m1 service ps web
echo
echo "== each host answers on :8080 with the container that serves it:"
for h in m1 m2 m3 w1 w2; do
  printf '%s: ' "$h"
  shoal lab exec --name demo m1 -- sh -c "timeout 3 busybox wget -q -O /run/answer http://$(addr "$h"):8080/ && cat /run/answer"
done
echo
echo "The lab and its cluster stay up. Try: node dist/cli/shoal.js lab exec --name demo m1 -- /opt/shoal/bin/shoal node ls"
echo "Remove everything with:          node dist/cli/shoal.js lab down --name demo"
