// Heartbeat timing. Swarm uses a 5 s period and marks a node down after 3 missed
// periods (~15 s); shoal aims at Down within 3 s of a crash, so agents beat every
// 500 ms and a node whose connection is gone is down after 1.5 s of silence. A new
// leader first waits NEW_LEADER_GRACE for every node to find it and register.
export const DEFAULT_HEARTBEAT_PERIOD_MS = 500;
export const MISSED_HEARTBEATS = 3;
export const graceFor = (periodMs: number): number => periodMs * MISSED_HEARTBEATS;
// A node that is silent but still connected (see HeartbeatTracker) is given this long:
// still three times faster than Swarm's 15 s, long enough to ride out a host starved
// for a few seconds by a burst of container starts.
export const connectedGraceFor = (periodMs: number): number => Math.max(graceFor(periodMs), 5_000);
export const NEW_LEADER_GRACE_MS = 3_000;
export const EXPIRY_CHECK_MS = 100;
