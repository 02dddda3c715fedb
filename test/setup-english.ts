// Error.message is English wherever the English table has been loaded (src/errors.ts);
// load it for every test file, as an English start of the CLI does.
import '../src/ui/messages-en.js';
