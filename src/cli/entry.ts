import { main } from './main';

const code = await main(process.argv.slice(2));
// Everything opsdeck started has been stopped by now; a library's stray timer (kafkajs retries,
// say) must not keep a quit cockpit hanging. Writes to a pipe or a tty are synchronous on Linux.
process.exit(code);
