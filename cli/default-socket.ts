// Where the local shoald listens, in a module of its own: commands name it in their flag
// tables, which the CLI builds before it knows whether it will call anything.
export const DEFAULT_SOCKET = '/run/shoal/shoal.sock';
