// `npm run dev -- <args>`: the CLI straight from src/ through tsx, no build step.
import { main } from '../src/cli.js';
main();
