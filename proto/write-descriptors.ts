// `npm run proto` (after the typed interfaces): writes each contract's JSON descriptor to
// proto/gen, which the CLI loads with protobufjs/light (see ./descriptor).
import * as fs from 'fs';
import { descriptorFile } from './descriptor';
import { contractDescriptor, contractFiles } from './load';

for (const file of contractFiles()) {
  fs.writeFileSync(descriptorFile(file), `${JSON.stringify(contractDescriptor(file), null, 1)}\n`);
  console.log(`wrote ${descriptorFile(file)}`);
}
