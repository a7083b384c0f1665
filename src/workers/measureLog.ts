/**
 * Capture of onnxruntime's log in the measure worker. onnxruntime-web's wasm
 * glue binds console.log / console.error when it loads (`console.log.bind(console)`),
 * so these replacements must be installed before it loads: this module is the
 * worker's first import. While capturing, lines are kept (the verbose session
 * log is long) instead of printed.
 */
const original = { log: console.log, error: console.error, warn: console.warn, info: console.info };
let captured: string[] | null = null;

function route(kind: keyof typeof original) {
  return (...args: unknown[]): void => {
    if (captured) captured.push(args.map(String).join(' '));
    else original[kind].apply(console, args);
  };
}

console.log = route('log');
console.error = route('error');
console.warn = route('warn');
console.info = route('info');

/** Starts capturing; the returned function stops and returns the captured text. */
export function captureConsole(): () => string {
  const lines: string[] = [];
  captured = lines;
  return () => {
    if (captured === lines) captured = null;
    return lines.join('\n');
  };
}
