// Bad task input: the message starts with the field, in the task's own shape
// (`spec.container.mounts[1].source: ...`), so it leads straight to what to fix.
export class TaskSpecError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'TaskSpecError';
  }
}
