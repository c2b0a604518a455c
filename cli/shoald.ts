#!/usr/bin/env node
// shoald: the node daemon, one per host. It serves the local API on a unix socket, runs
// the agent session while the node is in a cluster, and the manager (raft member, CA,
// control API, dispatcher on --listen-addr) while the node is a manager.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import { Command } from 'commander';
import { DEFAULT_SOCKET } from './daemon-client';
import { NodeDaemon } from './daemon/node-daemon';
import { addLocalApi } from './daemon/local-api';
import { DEFAULT_DOCKER_SOCKET } from '../worker-agent/session/describe';
import { createLogger, parseLevel, type Logger } from './log';
import { watchEventLoop } from './daemon/event-loop-watch';
import { VERSION } from './version';
import { warmCodecs } from '../proto/load';

interface DaemonOptions {
  dataDir: string;
  socket: string;
  logLevel: string;
  dockerSocket: string;
  nice: string;
}

async function main(opts: DaemonOptions): Promise<void> {
  const log = createLogger('shoald', parseLevel(opts.logLevel));
  const started = Date.now();
  raisePriority(opts.nice, log);
  fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  fs.mkdirSync(path.dirname(opts.socket), { recursive: true, mode: 0o755 });
  const pidFile = path.join(path.dirname(opts.socket), 'shoald.pid');
  claimPidFile(pidFile);
  // A socket file left by a killed daemon would make bind fail; the pid file check
  // above proved no live shoald owns it.
  fs.rmSync(opts.socket, { force: true });

  const node = new NodeDaemon({ dataDir: opts.dataDir, dockerSocket: opts.dockerSocket, logger: log });
  const server = new grpc.Server();
  addLocalApi(server, node, opts.dataDir, started);
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(`unix://${opts.socket}`, grpc.ServerCredentials.createInsecure(), (err) =>
      err ? reject(new Error(`cannot listen on ${opts.socket}: ${err.message}`)) : resolve(),
    ),
  );
  fs.chmodSync(opts.socket, 0o660);
  log.info('started', {
    version: VERSION,
    pid: process.pid,
    hostname: os.hostname(),
    socket: opts.socket,
    dataDir: opts.dataDir,
  });
  // The socket answers first, so `shoal ping` works while a manager is still starting.
  await node.resume();
  const warm = performance.now();
  void warmCodecs().then((types) =>
    log.debug('message codecs generated', { types, ms: Math.round(performance.now() - warm) }),
  );
  // Watched from here on: starting up (loading modules, replaying the WAL) is not a stall.
  watchEventLoop(log);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    const done = (): void => {
      fs.rmSync(opts.socket, { force: true });
      fs.rmSync(pidFile, { force: true });
      log.info('stopped');
      process.exit(0);
    };
    void node.stop().finally(() => server.tryShutdown(done));
    setTimeout(() => {
      server.forceShutdown();
      done();
    }, 5000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/**
 * Heartbeats (every 500 ms, Down after 1.5 s of silence) and raft ticks only work when the
 * daemon gets the CPU on time. A host starting many containers at once runs dozens of
 * runc and network-setup processes, and at equal priority those starve shoald for
 * seconds: nodes are then marked Down and leaders lost that were only slow. The daemon
 * needs little CPU, so it asks for more priority than the work it schedules, as etcd's
 * tuning guide advises for etcd. Without the privilege it carries on at its priority.
 */
function raisePriority(niceArg: string, log: Logger): void {
  const nice = Number(niceArg);
  if (!Number.isInteger(nice) || nice < -20 || nice > 19)
    throw new Error(`--nice must be an integer from -20 to 19, got "${niceArg}"`);
  try {
    if (os.getPriority() !== nice) os.setPriority(nice);
  } catch (err) {
    log.warn('could not change the scheduling priority; running at the inherited one', {
      nice,
      error: (err as Error).message,
    });
  }
}

/** Refuses to start when another live shoald holds the pid file; replaces a stale one. */
function claimPidFile(pidFile: string): void {
  try {
    const other = Number(fs.readFileSync(pidFile, 'utf8').trim());
    if (other && other !== process.pid) {
      try {
        process.kill(other, 0);
        const cmd = fs.readFileSync(`/proc/${other}/cmdline`, 'utf8');
        if (cmd.includes('shoald'))
          throw new Error(`another shoald (pid ${other}) is running; see ${pidFile}`);
      } catch (err) {
        if ((err as Error).message.startsWith('another shoald')) throw err;
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.writeFileSync(pidFile, `${process.pid}\n`);
}

const program = new Command('shoald')
  .description('the shoal node daemon')
  .version(VERSION)
  .option('--data-dir <dir>', 'where the node keeps its state', '/var/lib/shoal')
  .option('--socket <path>', 'local API socket', DEFAULT_SOCKET)
  .option('--log-level <level>', 'debug, info, warn or error', 'info')
  .option(
    '--docker-socket <path>',
    "the host's Docker engine, described to the managers",
    DEFAULT_DOCKER_SOCKET,
  )
  .option(
    '--nice <n>',
    'scheduling priority (nice value) to run at, so that heartbeats stay on time on a busy host',
    '-10',
  )
  .action((opts: DaemonOptions) =>
    main(opts).catch((err: Error) => {
      process.stderr.write(`shoald: ${err.message}\n`);
      process.exit(1);
    }),
  );
program.parse();
