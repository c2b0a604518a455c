#!/usr/bin/env bash
# The main job: set up this machine, bring up a 5-host lab (3 managers, 2 workers),
# each host provisioned over SSH with its own dockerd and shoald, and show it.
# Remove it again with: node dist/cli/shoal.js lab down
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/bootstrap.sh
shoal() { node dist/cli/shoal.js "$@"; }
shoal lab down --name demo >/dev/null 2>&1 || true
shoal lab up --name demo --managers "${MANAGERS:-3}" --workers "${WORKERS:-2}"
echo
echo "== every host answers, each with its own hostname, daemon and shoald:"
for h in $(shoal lab ls --name demo -q); do
  printf '%s: ' "$h"; shoal lab exec --name demo "$h" -- /opt/shoal/bin/shoal ping
done
registry=$(node -p "require('/var/lib/shoal-lab/demo/state.json').registry")
echo
echo "== an app container on w1, fetched from m1 across the lab network:"
shoal lab exec --name demo w1 -- docker run -d --rm --name demo-app -p 8080:80 "$registry/lab/app:1" >/dev/null
w1=$(shoal lab ls --name demo --format '{{.Host}} {{.Address}}' | awk '$1=="w1"{print $2}')
sleep 1
shoal lab exec --name demo m1 -- sh -c "busybox wget -q -O /run/answer http://$w1:8080/ && cat /run/answer"
shoal lab exec --name demo w1 -- docker rm -f demo-app >/dev/null
echo
echo "The lab stays up. Try: node dist/cli/shoal.js lab exec --name demo m2 -- docker ps"
echo "Remove it with:       node dist/cli/shoal.js lab down --name demo"
