import * as grpc from '@grpc/grpc-js';
import * as protobuf from 'protobufjs';
import { loadProto, protoRoot, warmCodecs } from '../../../proto/load';

type Method = grpc.MethodDefinition<object, object>;

function controlMethod(name: string): Method {
  const Control = loadProto<{ shoal: { api: { Control: grpc.ServiceClientConstructor } } }>('control.proto')
    .shoal.api.Control;
  return Control.service[name] as Method;
}

describe('proto/load', () => {
  it('builds the service definition grpc-js expects, under both spellings of each method', () => {
    const m = controlMethod('ListTasks');
    expect(m.path).toBe('/shoal.api.Control/ListTasks');
    expect(m.requestStream).toBe(false);
    expect(m.responseStream).toBe(false);
    expect(m.originalName).toBe('listTasks');
    expect(controlMethod('SubscribeLogs').responseStream).toBe(true);
  });

  it('decodes to the __Output shape: defaults filled, enums as names, longs as numbers', () => {
    const m = controlMethod('GetTask');
    const bytes = m.responseSerialize({
      task: { id: 't1', slot: 3, desiredState: 'RUNNING', status: { timestamp: 1_700_000_000_123 } },
    });
    const out = m.responseDeserialize(bytes) as {
      task: { id: string; slot: number; nodeId: string; desiredState: string; status: { timestamp: number } };
    };
    expect(out.task.id).toBe('t1');
    expect(out.task.slot).toBe(3);
    expect(out.task.nodeId).toBe(''); // a default, present
    expect(out.task.desiredState).toBe('RUNNING');
    expect(out.task.status.timestamp).toBe(1_700_000_000_123);
  });

  it('sends an already encoded message (a relayed answer) as it is', () => {
    const m = controlMethod('GetTask');
    const bytes = m.responseSerialize({ task: { id: 't2', slot: 1 } });
    const relayed = m.responseSerialize(bytes as unknown as object);
    expect(relayed).toBe(bytes);
    expect((m.responseDeserialize(relayed) as { task: { id: string } }).task.id).toBe('t2');
  });

  it('refuses an array where a message is expected, naming the message', () => {
    expect(() => controlMethod('GetTask').requestSerialize([] as unknown as object)).toThrow(
      /GetTaskRequest/,
    );
  });

  it('keeps one root: a message two contracts share is one type, its codecs generated once', () => {
    const task = protoRoot('control.proto').lookupType('shoal.api.Task');
    expect(protoRoot('dispatcher.proto').lookupType('shoal.api.Task')).toBe(task);
    // Each contract's grpc object holds its own services only.
    const dispatcher = loadProto<{ shoal: Record<string, unknown> }>('dispatcher.proto').shoal;
    expect(Object.keys(dispatcher)).toEqual(['dispatcher']);
  });

  it("warmCodecs generates every loaded type's codecs ahead of their first use", async () => {
    const stub = protobuf.Type.prototype.encode;
    const types = await warmCodecs();
    expect(types).toBeGreaterThan(100);
    for (const name of ['shoal.api.Task', 'shoal.raft.Message', 'shoal.dispatcher.Assignment'])
      expect(protoRoot('control.proto').lookupType(name).encode).not.toBe(stub);
  });
});
