// `lightfabric schema [-o FILE]`: the JSON Schema of the topology file format (generated from the zod schema).
import { topologyJsonSchemaText } from '../../format/index.js';
import { describeFlags, parseArgs, type ArgSpec } from '../args.js';
import { EXIT, type CliCommand } from '../command.js';
import { describeIoError } from '../io.js';

const spec: ArgSpec = {
  flags: { output: { type: 'string', short: 'o', valueName: 'FILE', description: 'write the schema to FILE instead of printing it' } },
};

export const command: CliCommand = {
  name: 'schema',
  summary: 'print the JSON Schema of the topology file format',
  usage: `Usage: lightfabric schema [-o FILE]

Prints the JSON Schema (draft 2020-12) of topology files, format version 1. It checks the shape of a file
(fields, types, ranges); \`lightfabric validate\` also checks ids, references, models, optics and ports.
\`npm run schema\` writes it to schema/topology-v1.schema.json.

Options:
${describeFlags(spec)}

Exit codes: 0 done, 2 bad usage or FILE cannot be written.`,
  run(args, io) {
    const { flags } = parseArgs(args, spec);
    const text = topologyJsonSchemaText();
    const out = flags.output as string | undefined;
    if (out === undefined) {
      io.stdout(text);
      return EXIT.ok;
    }
    try {
      io.writeFile(out, text);
    } catch (e) {
      io.stderr(`lightfabric schema: cannot write ${out}: ${describeIoError(e)}\n`);
      return EXIT.usage;
    }
    return EXIT.ok;
  },
};
