/**
 * The documented examples (`smithy.api#examples`) of the operations the emulator serves, as
 * test/emulator/generated/examples.json: input, and output or error code, per example. The contract
 * test (test/unit/emulator/contract.test.ts) replays them against the emulator. Titles are kept to
 * name an example; the prose documentation is dropped.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Example {
  title: string;
  input: Json;
  output?: Json;
  /** The error code (the error shape's name) of an error example. */
  error?: string;
}

/** Examples of `ops` in one Smithy model, by operation (operations without examples are left out). */
export function examplesOf(model: Json, ops: string[]): Record<string, Example[]> {
  const shapes: Json = model.shapes;
  const serviceId = Object.keys(shapes).find((id) => shapes[id].type === 'service') ?? '';
  const ns = serviceId.split('#')[0];
  const out: Record<string, Example[]> = {};
  for (const op of ops) {
    const examples: Json[] = shapes[`${ns}#${op}`]?.traits?.['smithy.api#examples'] ?? [];
    if (examples.length) {
      out[op] = examples.map((e) => ({
        title: e.title,
        input: e.input ?? {},
        ...(e.error ? { error: String(e.error.shapeId).split('#')[1] } : { output: e.output ?? {} }),
      }));
    }
  }
  return out;
}

/** One example a line, so that a model update shows as a readable diff. */
export function examplesJson(byService: Record<string, Record<string, Example[]>>): string {
  const lines = ['{', '"source": "Examples from AWS Smithy models (Apache-2.0, see NOTICE), extracted by scripts/generate-emulator-model.ts. Do not edit.",', '"services": {'];
  const services = Object.entries(byService).filter(([, ops]) => Object.keys(ops).length);
  services.forEach(([key, ops], si) => {
    lines.push(`${JSON.stringify(key)}: {`);
    const entries = Object.entries(ops);
    entries.forEach(([op, examples], oi) => {
      lines.push(`${JSON.stringify(op)}: [`);
      examples.forEach((e, ei) => lines.push(`${JSON.stringify(e)}${ei < examples.length - 1 ? ',' : ''}`));
      lines.push(`]${oi < entries.length - 1 ? ',' : ''}`);
    });
    lines.push(`}${si < services.length - 1 ? ',' : ''}`);
  });
  lines.push('}', '}', '');
  return lines.join('\n');
}
