// Side-by-side benchmark, npm side: runs the models of ../models on bpmn-engine 25.0.1.
// Usage: npm ci && node bench.mjs [instances=5000]
// Prints one JSON object on stdout; progress and check failures go to stderr (exit code 1 on a failed check).
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { Engine } from 'bpmn-engine';
import * as elements from 'bpmn-elements';
import BpmnModdle from 'bpmn-moddle';
import Serializer, { TypeResolver } from 'moddle-context-serializer';

// bpmn-engine's "exports" hide its package.json from require/import: read the installed file.
const engineVersion = JSON.parse(readFileSync(new URL('./node_modules/bpmn-engine/package.json', import.meta.url), 'utf8')).version;

const MODELS = new URL('../models/', import.meta.url);
const gatewayXml = readFileSync(new URL('user-task-gateway.bpmn', MODELS), 'utf8');
const timerXml = readFileSync(new URL('user-task-timer-boundary.bpmn', MODELS), 'utf8');

const instances = Number.parseInt(process.argv[2] ?? '5000', 10);
if (!Number.isInteger(instances) || instances < 2) {
  console.error('usage: node bench.mjs [instances >= 2, default 5000]');
  process.exit(2);
}
const TIMER_INSTANCES = 2000;
const TIMER_DEADLINE_MS = 120_000;
const PARSE_EACH_INSTANCES = Math.min(instances, 1000);

const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
};
const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const round = (x, digits) => Number(x.toFixed(digits));
const cpuSince = (start) => {
  const { user, system } = process.cpuUsage(start);
  return round((user + system) / 1e6, 3);
};
const heapMB = () => round(process.memoryUsage().heapUsed / 1e6, 1);

// A deployed definition is parsed once: serialize the moddle context the way bpmn-engine does
// (bpmn-moddle -> moddle-context-serializer with the bpmn-elements types) and start every
// instance from it with the engine's `sourceContext` option.
async function parseOnce(xml) {
  const moddleContext = await new BpmnModdle().fromXML(xml.trim());
  for (const warning of moddleContext.warnings ?? []) log(`moddle warning: ${warning.message}`);
  return Serializer(moddleContext, TypeResolver(elements));
}

/**
 * Starts one instance of user-task-gateway and completes `review` as soon as it waits.
 * `definition` is either { sourceContext } (parsed once) or { source } (XML parsed by this engine).
 * Resolves with the id of the end event reached, as told by the engine's activity.end events.
 */
async function runGatewayInstance(i, definition) {
  const engine = new Engine({ name: `gateway-${i}`, ...definition });
  const listener = new EventEmitter();
  let endEvent;
  listener.on('wait', (api) => {
    if (api.id === 'review') api.signal();
  });
  listener.on('activity.end', (api) => {
    if (api.type === 'bpmn:EndEvent') endEvent = api.id;
  });
  const ended = engine.waitFor('end'); // before execute: the whole run may finish inside it
  await engine.execute({ listener, variables: { approved: i % 2 === 0 } });
  await ended;
  return endEvent;
}

async function benchGateway(definition, count) {
  const warmup = Math.min(200, Math.max(10, Math.floor(count / 10)));
  for (let i = 0; i < warmup; i++) await runGatewayInstance(i, definition);

  let approved = 0;
  let rejected = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const endEvent = await runGatewayInstance(i, definition);
    if (endEvent === 'endApproved') approved++;
    else if (endEvent === 'endRejected') rejected++;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSince(cpu);

  check(approved === Math.ceil(count / 2), `user-task-gateway: ${approved} of ${count} ended in endApproved, expected ${Math.ceil(count / 2)}`);
  check(rejected === Math.floor(count / 2), `user-task-gateway: ${rejected} of ${count} ended in endRejected, expected ${Math.floor(count / 2)}`);
  return {
    instances: count,
    seconds: round(seconds, 3),
    instancesPerSecond: round(count / seconds, 1),
    approved,
    rejected,
    warmupInstances: warmup,
    cpuSeconds,
  };
}

/** Serialized state of one instance waiting at `review`, in UTF-8 bytes (with and without the embedded model). */
async function stateAtUserTask(definition) {
  const engine = new Engine({ name: 'state-at-review', ...definition });
  const listener = new EventEmitter();
  const waiting = new Promise((resolve) => listener.once('wait', (api) => resolve(api.id)));
  await engine.execute({ listener, variables: { approved: true } });
  const waitingAt = await waiting;
  check(waitingAt === 'review', `state: expected the instance to wait at review, it waits at ${waitingAt}`);

  const state = await engine.getState();
  const bytes = Buffer.byteLength(JSON.stringify(state), 'utf8');
  // getState() embeds the serialized model (definitions[].source) in every instance's state.
  const withoutSource = { ...state, definitions: state.definitions.map(({ source, ...rest }) => rest) };
  const bytesWithoutSource = Buffer.byteLength(JSON.stringify(withoutSource), 'utf8');
  await engine.stop();
  return { bytes, bytesWithoutSource };
}

/** Starts TIMER_INSTANCES instances of user-task-timer-boundary at once; none completes its task. */
async function benchTimerBoundary(definition) {
  let timedOut = 0;
  let completed = 0;
  let reachedReview = 0;
  const runs = [];

  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < TIMER_INSTANCES; i++) {
    const engine = new Engine({ name: `timer-${i}`, ...definition });
    const listener = new EventEmitter();
    listener.on('wait', (api) => {
      if (api.id === 'review') reachedReview++; // never signalled
    });
    listener.on('activity.end', (api) => {
      if (api.id === 'endTimedOut') timedOut++;
      else if (api.id === 'endCompleted') completed++;
    });
    const ended = engine.waitFor('end');
    runs.push(engine.execute({ listener }).then(() => ended)); // not awaited here: all run concurrently
  }

  let deadline;
  const expired = new Promise((resolve) => {
    deadline = setTimeout(() => resolve('deadline'), TIMER_DEADLINE_MS);
  });
  const outcome = await Promise.race([Promise.all(runs).then(() => 'ended'), expired]);
  clearTimeout(deadline);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSince(cpu);
  const heapUsedMBAtEnd = heapMB(); // the 2000 ended engines are still referenced here

  check(outcome === 'ended', `user-task-timer-boundary: not all instances ended within ${TIMER_DEADLINE_MS / 1000} s`);
  check(reachedReview === TIMER_INSTANCES, `user-task-timer-boundary: ${reachedReview} of ${TIMER_INSTANCES} reached review`);
  check(timedOut === TIMER_INSTANCES, `user-task-timer-boundary: ${timedOut} of ${TIMER_INSTANCES} ended in endTimedOut`);
  check(completed === 0, `user-task-timer-boundary: ${completed} instances ended in endCompleted`);
  return { instances: TIMER_INSTANCES, seconds: round(seconds, 3), timedOut, completed, cpuSeconds, heapUsedMBAtEnd };
}

const gatewayContext = await parseOnce(gatewayXml);
const timerContext = await parseOnce(timerXml);

log(`user-task-gateway: ${instances} instances, model parsed once`);
const userTaskGateway = await benchGateway({ sourceContext: gatewayContext }, instances);
log(`user-task-gateway: ${PARSE_EACH_INSTANCES} instances, XML parsed by every engine`);
const userTaskGatewayParseEach = await benchGateway({ source: gatewayXml }, PARSE_EACH_INSTANCES);
log('state at user task');
const state = await stateAtUserTask({ sourceContext: gatewayContext });
log(`user-task-timer-boundary: ${TIMER_INSTANCES} concurrent instances`);
const timerBoundary = await benchTimerBoundary({ sourceContext: timerContext });

const result = {
  engine: 'bpmn-engine',
  version: engineVersion,
  node: process.version,
  userTaskGateway,
  stateBytesAtUserTask: state.bytes,
  timerBoundary,
  extra: {
    userTaskGatewayParseEach,
    stateBytesAtUserTaskWithoutEmbeddedModel: state.bytesWithoutSource,
    notes:
      'userTaskGateway and timerBoundary start every instance from a model parsed once (Engine sourceContext); ' +
      'userTaskGatewayParseEach gives each Engine the XML (new Engine({ source })). ' +
      'stateBytesAtUserTask is JSON.stringify(await engine.getState()), which embeds the serialized model. ' +
      'cpuSeconds is this process\'s CPU time over the same span as seconds (wall time; it grows on a busy machine).',
  },
};

process.stdout.write(JSON.stringify(result, null, 2) + '\n');
if (failures.length) {
  for (const failure of failures) log(`CHECK FAILED: ${failure}`);
  process.exitCode = 1;
}
