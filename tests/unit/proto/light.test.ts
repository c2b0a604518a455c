import * as fs from 'fs';
import * as grpc from '@grpc/grpc-js';
import { descriptorFile } from '../../../proto/descriptor';
import { methodCodec } from '../../../proto/light';
import { contractDescriptor, contractFiles, loadProto } from '../../../proto/load';

type Method = grpc.MethodDefinition<object, object>;

function grpcMethod(name: string): Method {
  const Control = loadProto<{ shoal: { api: { Control: grpc.ServiceClientConstructor } } }>('control.proto')
    .shoal.api.Control;
  return Control.service[name] as Method;
}

describe('proto/light', () => {
  it.each(contractFiles())(
    'the committed descriptor of %s matches its source (run `npm run proto`)',
    (file) => {
      const committed = JSON.parse(fs.readFileSync(descriptorFile(file), 'utf8'));
      expect(committed).toEqual(JSON.parse(JSON.stringify(contractDescriptor(file))));
    },
  );

  it('encodes the bytes grpc-js would send, and decodes to the same __Output objects', () => {
    const request = {
      spec: {
        name: 'web',
        labels: { tier: 'front' },
        taskTemplate: { containerSpec: { image: 'lab/app:1', env: ['A=1'] } },
        replicated: { replicas: 3 },
      },
    };
    const light = methodCodec('control.proto', 'shoal.api.Control', 'CreateService');
    const full = grpcMethod('CreateService');
    expect(light.path).toBe(full.path);
    expect(Buffer.compare(light.encode(request), full.requestSerialize(request))).toBe(0);

    const answer = grpcMethod('GetTask').responseSerialize({
      task: { id: 't1', slot: 3, desiredState: 'RUNNING', status: { timestamp: 1_700_000_000_123 } },
    });
    const decoded = methodCodec('control.proto', 'shoal.api.Control', 'GetTask').decode(answer);
    expect(decoded).toEqual(grpcMethod('GetTask').responseDeserialize(answer));
    expect((decoded as { task: { nodeId: string; slot: number } }).task).toMatchObject({
      nodeId: '',
      slot: 3,
    });
  });

  it('names what is missing: an unknown method, a stream taken for unary or the reverse', () => {
    expect(() => methodCodec('control.proto', 'shoal.api.Control', 'Nope')).toThrow(/has no method Nope/);
    expect(() => methodCodec('control.proto', 'shoal.api.Control', 'SubscribeLogs')).toThrow(
      /answers with a stream/,
    );
    expect(() =>
      methodCodec('control.proto', 'shoal.api.Control', 'GetTask', { serverStream: true }),
    ).toThrow(/is unary/);
    expect(methodCodec('control.proto', 'shoal.api.Control', 'Watch', { serverStream: true }).path).toBe(
      '/shoal.api.Control/Watch',
    );
  });
});
