// Parses `mediabay serve [--port 3000] [--host 127.0.0.1] [--data ./mediabay-data] [--demo <dir>]`.
export interface ServeArgs {
  command: 'serve' | 'help';
  port: number;
  host: string;
  data: string;
  demo?: string;
}

export const USAGE = `Usage: mediabay serve [--port 3000] [--host 127.0.0.1] [--data ./mediabay-data] [--demo <dir>]`;

export function parseArgs(argv: string[]): ServeArgs {
  const args: ServeArgs = { command: 'help', port: 3000, host: '127.0.0.1', data: './mediabay-data' };
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return args;
  if (command !== 'serve') throw new Error(`Unknown command "${command}".\n${USAGE}`);
  args.command = 'serve';
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i] as string;
    const [name, inline] =
      flag.startsWith('--') && flag.includes('=') ? flag.split(/=(.*)/s, 2) : [flag, undefined];
    const value = inline ?? rest[++i];
    if (value === undefined) throw new Error(`${name} needs a value.\n${USAGE}`);
    switch (name) {
      case '--port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new Error(`--port must be 0-65535, not "${value}".`);
        args.port = port;
        break;
      }
      case '--host':
        args.host = value;
        break;
      case '--data':
        args.data = value;
        break;
      case '--demo':
        args.demo = value;
        break;
      default:
        throw new Error(`Unknown option "${name}".\n${USAGE}`);
    }
  }
  return args;
}
