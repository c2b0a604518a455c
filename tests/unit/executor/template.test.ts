import {
  expandEnv,
  expandTemplate,
  TemplateContext,
  TemplateError,
} from '../../../worker-agent/executor/template';

const ctx: TemplateContext = {
  service: { id: 'svcid', name: 'web', labels: { tier: 'front', 'com.example/x': 'y' } },
  task: { id: 'tid', name: 'web.3.tid', slot: '3' },
  node: { id: 'nid', hostname: 'w1', platform: { os: 'linux', architecture: 'amd64' } },
};

describe('expandTemplate', () => {
  test.each([
    ['{{.Service.Name}}', 'web'],
    ['{{.Service.ID}}', 'svcid'],
    ['{{.Task.ID}}', 'tid'],
    ['{{.Task.Name}}', 'web.3.tid'],
    ['{{.Task.Slot}}', '3'],
    ['{{.Node.ID}}', 'nid'],
    ['{{.Node.Hostname}}', 'w1'],
    ['{{.Node.Platform.OS}}/{{.Node.Platform.Architecture}}', 'linux/amd64'],
    ['{{ .Service.Name }}-{{  .Task.Slot  }}', 'web-3'],
    ['{{.Service.Labels}}', 'map[com.example/x:y tier:front]'],
    ['{{index .Service.Labels "tier"}}', 'front'],
    ['{{ index .Service.Labels "com.example/x" }}', 'y'],
    ['{{index .Service.Labels `tier`}}', 'front'],
    ['[{{index .Service.Labels "missing"}}]', '[]'],
    ['a {{- .Task.Slot -}} b', 'a3b'],
    ['no placeholders', 'no placeholders'],
    ['', ''],
  ])('%s -> %s', (input, out) => {
    expect(expandTemplate(input, ctx, 'f')).toBe(out);
  });

  test('an unknown placeholder is an error naming the field and the placeholder', () => {
    expect(() => expandTemplate('x-{{.Task.Nope}}', ctx, 'spec.container.hostname')).toThrow(
      /^spec\.container\.hostname: unknown template placeholder \{\{\.Task\.Nope\}\}/,
    );
    expect(() => expandTemplate('{{.Service.Label}}', ctx, 'f')).toThrow(TemplateError);
    expect(() => expandTemplate('{{index .Node.Labels "a"}}', ctx, 'f')).toThrow(
      /unknown template placeholder/,
    );
  });

  test('unbalanced braces are errors', () => {
    expect(() => expandTemplate('{{.Task.ID', ctx, 'f')).toThrow('f: unclosed "{{"');
    expect(() => expandTemplate('x}}', ctx, 'f')).toThrow('f: unexpected "}}"');
  });
});

describe('expandEnv', () => {
  test('expands values, never keys, and names the entry in errors', () => {
    expect(expandEnv(['SLOT={{.Task.Slot}}', 'A=b=c', 'BARE'], ctx)).toEqual(['SLOT=3', 'A=b=c', 'BARE']);
    expect(() => expandEnv(['A=1', 'B={{.X}}'], ctx, 'spec.container.env')).toThrow(
      /^spec\.container\.env\[1\]: /,
    );
  });
});
