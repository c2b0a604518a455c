// The control API keeps --with-registry-auth credentials in the store and out of its answers.
import type { Service, ServiceSpec, Task } from '../../../manager/api-types';
import {
  keepRegistryAuth,
  serviceWithoutAuth,
  taskWithoutAuth,
} from '../../../manager/control-api/registry-auth';

const spec = (auth?: string): ServiceSpec =>
  ({
    annotations: { name: 'web', labels: {} },
    task: { container: { image: 'r/a:1', pullOptions: auth ? { registryAuth: auth } : null } },
  }) as unknown as ServiceSpec;

test('service reads show no credentials, in the spec or the previous spec, and the store copy is untouched', () => {
  const s = { id: 's1', spec: spec('SECRET'), previousSpec: spec('OLD') } as unknown as Service;
  const shown = serviceWithoutAuth(s);
  expect(JSON.stringify(shown)).not.toContain('SECRET');
  expect(JSON.stringify(shown)).not.toContain('OLD');
  expect(shown.spec?.task?.container?.image).toBe('r/a:1');
  expect(s.spec?.task?.container?.pullOptions?.registryAuth).toBe('SECRET');
});

test('task reads show no credentials', () => {
  const t = { id: 't1', spec: spec('SECRET').task } as unknown as Task;
  expect(JSON.stringify(taskWithoutAuth(t))).not.toContain('SECRET');
  expect(t.spec?.container?.pullOptions?.registryAuth).toBe('SECRET');
});

test('an update without credentials keeps the stored ones; new ones replace them', () => {
  expect(keepRegistryAuth(spec(), spec('STORED')).task?.container?.pullOptions?.registryAuth).toBe('STORED');
  expect(keepRegistryAuth(spec('NEW'), spec('STORED')).task?.container?.pullOptions?.registryAuth).toBe(
    'NEW',
  );
  expect(keepRegistryAuth(spec(), spec()).task?.container?.pullOptions).toBeNull();
});
