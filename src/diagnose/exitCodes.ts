/** What a container's exit code says, in plain words (128 + n is "killed by signal n"). */
const EXIT_CODES: Record<number, string> = {
  0: 'exited normally (0): the process ended on its own; for a service that is a stop all the same',
  1: 'exited 1: the application failed (an unhandled error or a failed start-up check); its last log lines say why',
  2: 'exited 2: a shell or the program refused its arguments (misuse of a builtin, a bad flag)',
  126: 'exited 126: the command was found but could not run (not executable, or a permission problem)',
  127: 'exited 127: command not found: the entry point or command is not in the image (check its spelling, PATH and the image)',
  134: 'exited 134 (SIGABRT): the process aborted itself (a failed assertion, a corrupted heap)',
  137: 'exited 137 (SIGKILL): killed: out of memory, or it did not stop within stopTimeout after SIGTERM',
  139: 'exited 139 (SIGSEGV): segmentation fault: the program crashed on invalid memory (a native module, a binary for another CPU architecture)',
  143: 'exited 143 (SIGTERM): asked to stop and did: ECS stopped it (another container exited, a deployment, a scale-in, a user)',
  255: 'exited 255: the process ended with an error it did not name (often an entry-point script failing)',
};

export function explainExitCode(code: number): string {
  return EXIT_CODES[code] ?? (code > 128 && code < 160 ? `exited ${code}: killed by signal ${code - 128}` : `exited ${code}: the application's own code; its log lines say what it means`);
}
